package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Projects registry: register, list, archive, sync. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Projects registry: register, list, archive, sync.",
        subcommands = {})
public class ProjectCommand extends GroupCommand {
}
