package dev.ailab.cli.hub;

import dev.ailab.hub.WorkStatus;
import picocli.CommandLine.Command;

/** {@code work block}: sets the status to blocked. */
@Command(name = "block", mixinStandardHelpOptions = true, description = "Mark a work item as blocked.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab work block 12", "  ai-lab work block 12 13 14"})
public class WorkBlockCommand extends WorkStatusChange {
    public WorkBlockCommand() {
        super(WorkStatus.blocked);
    }
}
