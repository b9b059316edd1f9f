package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.WorkItemRow;
import dev.ailab.hub.WorkItems;
import dev.ailab.hub.WorkStatus;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code work start|block|done}: set one status on the given ids, one UPDATE per id. */
abstract class WorkStatusChange extends HubCommand {
    @Parameters(arity = "1..*", paramLabel = "ID", description = "Work item ids.")
    List<Long> ids;

    @Mixin
    OutputMixin output;

    private final WorkStatus status;

    WorkStatusChange(WorkStatus status) {
        this.status = status;
    }

    @Override
    protected int run() {
        WorkItems work = new WorkItems(store());
        List<WorkItemRow> rows = ids.stream().map(id -> work.setStatus(id, status)).toList();
        if (output.json()) {
            JsonOutput.write(out(), rows.size() == 1 ? rows.get(0) : rows);
        } else {
            for (WorkItemRow r : rows) {
                err().println("#" + r.id() + " is now " + status + ": " + r.title());
            }
            err().flush();
        }
        return 0;
    }
}
