package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.TextTable;
import dev.ailab.hub.Ideas;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code idea list}. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = "List ideas not yet promoted (all with --all).",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab idea list", "  ai-lab idea list --all --tag perf --output json"})
public class IdeaListCommand extends HubCommand {
    @Option(names = {"-a", "--all"}, description = "Include promoted ideas.") boolean all;
    @Option(names = "--tag", paramLabel = "TAG", description = "Only ideas with this tag.") String tag;
    @Option(names = {"-s", "--search"}, paramLabel = "TEXT", description = "Only ideas whose title or text contains TEXT.") String text;

    @Mixin
    OutputMixin output;

    @Override
    protected boolean readsOnly() {
        return true;
    }

    @Override
    protected int run() {
        List<Ideas.IdeaRow> rows = new Ideas(store()).list(!all, tag, text);
        if (output.json()) {
            JsonOutput.write(out(), rows);
        } else if (rows.isEmpty()) {
            err().println("no ideas match");
            err().flush();
        } else {
            TextTable t = new TextTable("ID", "CREATED", "TAGS", "PROMOTED", "TITLE");
            for (Ideas.IdeaRow r : rows) {
                t.row(r.id(), r.created().substring(0, 10), String.join(",", r.tags()),
                        r.promotedTo() == null ? "" : "#" + r.promotedTo(), r.title());
            }
            t.print(out(), width());
        }
        return 0;
    }
}
