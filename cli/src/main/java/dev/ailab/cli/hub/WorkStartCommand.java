package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.store.WorkItemRow;
import dev.ailab.core.store.WorkItems;
import dev.ailab.core.store.WorkStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code work start}: sets the status to doing with one UPDATE per id. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Mark a work item as being worked on (status doing).",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab work start 12", "  ai-lab work start 12 13 14"})
public class WorkStartCommand extends HubCommand {
    @Parameters(arity = "1..*", paramLabel = "ID", description = "Work item ids.")
    List<Long> ids;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        WorkItems work = new WorkItems(store());
        List<WorkItemRow> rows = ids.stream().map(id -> work.setStatus(id, WorkStatus.doing)).toList();
        if (output.json()) {
            JsonOutput.write(out(), rows.size() == 1 ? rows.get(0) : rows);
        } else {
            for (WorkItemRow r : rows) {
                err().println("#" + r.id() + " is now doing: " + r.title());
            }
            err().flush();
        }
        return 0;
    }
}
