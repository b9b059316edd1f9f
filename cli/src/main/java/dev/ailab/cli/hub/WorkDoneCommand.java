package dev.ailab.cli.hub;

import dev.ailab.hub.WorkStatus;
import picocli.CommandLine.Command;

/** {@code work done}: sets the status to done. */
@Command(name = "done", mixinStandardHelpOptions = true, description = "Mark a work item as done.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab work done 12", "  ai-lab work done 12 13 14"})
public class WorkDoneCommand extends WorkStatusChange {
    public WorkDoneCommand() {
        super(WorkStatus.done);
    }
}
