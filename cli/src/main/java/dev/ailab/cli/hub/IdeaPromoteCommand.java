package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.Ideas;
import dev.ailab.hub.Priority;
import dev.ailab.hub.WorkItemRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code idea promote}: makes a work item from the idea, links them, prints the item's id. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Make a work item from an idea (title, text, tags as labels), link them and print the item's id.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab idea promote 3 --project hub --priority high"})
public class IdeaPromoteCommand extends HubCommand {
    @Parameters(paramLabel = "ID") long id;
    @Option(names = {"-p", "--project"}, paramLabel = "NAME") String project;
    @Option(names = {"-P", "--priority"}, paramLabel = "PRIORITY") String priority;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        WorkItemRow row = new Ideas(store()).promote(id, project, priority == null ? null : Priority.parse(priority));
        if (output.json()) {
            JsonOutput.write(out(), row);
        } else {
            out().println(row.id());
            out().flush();
        }
        return 0;
    }
}
