package dev.ailab.cli;

import java.util.List;

/**
 * A command with subcommands that {@link CommandLineFactory} registers itself instead of
 * picocli's {@code @Command(subcommands = ...)}: picocli would build the model of every one of
 * them on every run, and only the path a command line names is needed (about 0.05 s on a 2-core
 * machine for a group of ten). Help, completion and typos still get the whole tree.
 */
public interface CommandGroup {
    /** The subcommands in help order. */
    List<Class<?>> subcommands();
}
