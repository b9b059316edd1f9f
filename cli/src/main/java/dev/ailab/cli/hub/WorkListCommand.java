package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.WorkItemRow;
import dev.ailab.hub.WorkItems;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code work list}: one plain-JDBC query, a table that fits the terminal. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = "List work items (all but done ones unless --all or --status).",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab work list", "  ai-lab work list --project shop --label bug --sort priority",
            "  ai-lab work list --status blocked,doing --output json", "  ai-lab work list --all --search login --due-before +7d"})
public class WorkListCommand extends HubCommand {
    @Mixin
    WorkFilterOptions filter;

    @Mixin
    OutputMixin output;

    @Override
    protected boolean readsOnly() {
        return true;
    }

    @Override
    protected int run() {
        WorkItems items = new WorkItems(store());
        if (output.json()) {
            JsonOutput.write(out(), items.list(filter.toFilter(false)));
            return 0;
        }
        List<WorkItemRow> rows = items.summaries(filter.toFilter(false));
        if (rows.isEmpty()) {
            err().println("no work items match");
            err().flush();
        } else {
            WorkOutput.table(out(), rows, width());
        }
        return 0;
    }
}
