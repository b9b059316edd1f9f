package dev.ailab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command group run without a subcommand prints its usage and exits 2 (bad usage). Its
 * subcommands come from {@link #subcommands()}, not from the annotation (see {@link CommandGroup}).
 */
@Command
public abstract class GroupCommand implements java.util.concurrent.Callable<Integer>, CommandGroup {
    @Spec
    protected CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return dev.ailab.core.error.ExitCodes.USAGE;
    }
}
