package dev.ailab.cli.ailab;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Create a project from a template and profile. */
@Command(name = "create-project", mixinStandardHelpOptions = true,
        description = "Create a project from a template and profile.",
        subcommands = {})
public class CreateProjectCommand extends GroupCommand {
}
