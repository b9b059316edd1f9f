package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** The work-item store: migrate, info, backup, restore. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "The work-item store: migrate, info, backup, restore.",
        subcommands = {})
public class DbCommand extends GroupCommand {
}
