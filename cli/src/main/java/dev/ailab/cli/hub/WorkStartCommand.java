package dev.ailab.cli.hub;

import dev.ailab.hub.WorkStatus;
import picocli.CommandLine.Command;

/** {@code work start}: sets the status to doing. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Mark a work item as being worked on (doing).",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab work start 12", "  ai-lab work start 12 13 14"})
public class WorkStartCommand extends WorkStatusChange {
    public WorkStartCommand() {
        super(WorkStatus.doing);
    }
}
