package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.WorkItemRow;
import dev.ailab.hub.WorkItems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code work show}: one item with its children, sessions and originating idea. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one work item with what is linked to it.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab work show 12", "  ai-lab work show 12 --output json"})
public class WorkShowCommand extends HubCommand {
    @Parameters(paramLabel = "ID", description = "The work item's id.")
    long id;

    @Mixin
    OutputMixin output;

    @Override
    protected boolean readsOnly() {
        return true;
    }

    @Override
    protected int run() {
        WorkItems.Details d = new WorkItems(store()).show(id);
        if (output.json()) {
            JsonOutput.write(out(), d);
            return 0;
        }
        WorkOutput.details(out(), d.item());
        if (d.fromIdea() != null) {
            WorkOutput.line(out(), "idea", "#" + d.fromIdea());
        }
        if (!d.sessions().isEmpty()) {
            WorkOutput.line(out(), "sessions", String.join(", ", d.sessions().stream().map(s -> "#" + s).toList()));
        }
        if (!d.children().isEmpty()) {
            out().println();
            out().println("children:");
            for (WorkItemRow c : d.children()) {
                out().println("  #" + c.id() + "  [" + c.status() + "] " + c.title());
            }
        }
        out().flush();
        return 0;
    }
}
