package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.Ideas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code idea show}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one idea.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab idea show 3"})
public class IdeaShowCommand extends HubCommand {
    @Parameters(paramLabel = "ID") long id;

    @Mixin
    OutputMixin output;

    @Override
    protected boolean readsOnly() {
        return true;
    }

    @Override
    protected int run() {
        Ideas.IdeaRow r = new Ideas(store()).show(id);
        if (output.json()) {
            JsonOutput.write(out(), r);
            return 0;
        }
        out().println("idea #" + r.id() + "  " + r.title());
        WorkOutput.line(out(), "tags", r.tags().isEmpty() ? null : String.join(", ", r.tags()));
        WorkOutput.line(out(), "created", r.created());
        WorkOutput.line(out(), "promoted", r.promotedTo() == null ? null : "work item #" + r.promotedTo());
        if (r.body() != null && !r.body().isBlank()) {
            out().println();
            out().println(r.body().stripTrailing());
        }
        out().flush();
        return 0;
    }
}
