package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Work items: add, list, show, update, start, block, done, delete, import, export. */
@Command(name = "work", mixinStandardHelpOptions = true,
        description = "Work items: add, list, show, update, start, block, done, delete, import, export.",
        subcommands = {})
public class WorkCommand extends GroupCommand {
}
