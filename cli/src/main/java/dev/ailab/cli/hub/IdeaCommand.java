package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Ideas: add, list, show, promote to a work item. */
@Command(name = "idea", mixinStandardHelpOptions = true,
        description = "Ideas: add, list, show, promote to a work item.",
        subcommands = {})
public class IdeaCommand extends GroupCommand {
}
