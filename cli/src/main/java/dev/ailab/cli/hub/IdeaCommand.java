package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Ideas: add, list, show, promote to a work item. */
@Command(name = "idea", mixinStandardHelpOptions = true,
        description = "Ideas: add, list, show, promote to a work item.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab idea add 'Cache the CDS archive per branch' --tag perf", "  ai-lab idea promote 3 --project hub"})
public class IdeaCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(IdeaAddCommand.class, IdeaListCommand.class, IdeaShowCommand.class, IdeaPromoteCommand.class);
    }
}
