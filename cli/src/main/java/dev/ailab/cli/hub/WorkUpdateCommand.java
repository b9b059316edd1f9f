package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.hub.Priority;
import dev.ailab.hub.StoreValues;
import dev.ailab.hub.WorkItemRow;
import dev.ailab.hub.WorkItems;
import dev.ailab.hub.WorkStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code work update}: change any field, in one transaction. */
@Command(name = "update", aliases = "edit", mixinStandardHelpOptions = true,
        description = "Change a work item. Give 'none' to --project, --assignee, --due, --parent or --ref to clear it.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab work update 12 --priority urgent --label release --unlabel later",
            "  ai-lab work update 12 --due none --assignee claude"})
public class WorkUpdateCommand extends HubCommand {
    @Parameters(paramLabel = "ID", description = "The work item's id.")
    long id;

    @Option(names = "--title", paramLabel = "TEXT") String title;
    @Option(names = "--body", paramLabel = "TEXT") String body;
    @Option(names = "--body-file", paramLabel = "FILE", description = "Read the description from FILE, or - for standard input.") String bodyFile;
    @Option(names = {"-p", "--project"}, paramLabel = "NAME") String project;
    @Option(names = "--status", paramLabel = "STATUS", description = "todo, doing, blocked or done.") String status;
    @Option(names = {"-P", "--priority"}, paramLabel = "PRIORITY", description = "low, normal, high or urgent.") String priority;
    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", description = "Add a label (repeatable).") List<String> addLabels = new ArrayList<>();
    @Option(names = "--unlabel", paramLabel = "LABEL", description = "Remove a label (repeatable).") List<String> removeLabels = new ArrayList<>();
    @Option(names = "--assignee", paramLabel = "NAME") String assignee;
    @Option(names = "--due", paramLabel = "DATE", description = "YYYY-MM-DD, today, tomorrow, +3d, +2w, or none.") String due;
    @Option(names = "--parent", paramLabel = "ID", description = "The parent item's id, or none.") String parent;
    @Option(names = "--ref", paramLabel = "REF") String ref;

    @Mixin
    OutputMixin output;

    private static boolean none(String v) {
        return v != null && v.trim().toLowerCase(Locale.ROOT).equals("none");
    }

    @Override
    protected int run() {
        WorkItems.Changes ch = new WorkItems.Changes();
        ch.title = title;
        if (body != null && bodyFile != null) {
            throw new InvalidInputException("give --body or --body-file, not both", null);
        }
        ch.body = body != null ? body : readTextFile(bodyFile, "body");
        ch.project = none(project) ? WorkItems.Changes.CLEAR : project;
        ch.status = status == null ? null : WorkStatus.parse(status);
        ch.priority = priority == null ? null : Priority.parse(priority);
        ch.addLabels = addLabels;
        ch.removeLabels = removeLabels;
        ch.assignee = none(assignee) ? WorkItems.Changes.CLEAR : assignee;
        ch.due = due == null ? null : none(due) ? WorkItems.Changes.CLEAR
                : StoreValues.date(StoreValues.parseDate(due, LocalDate.now()));
        if (parent != null) {
            if (none(parent)) {
                ch.parent = 0L;
            } else {
                try {
                    ch.parent = Long.parseLong(parent.trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("invalid parent '" + parent + "'", "give a work item id or none");
                }
            }
        }
        ch.externalRef = none(ref) ? WorkItems.Changes.CLEAR : ref;
        if (ch.empty()) {
            throw new InvalidInputException("nothing to change", "give at least one option, see 'ai-lab work update --help'");
        }
        WorkItemRow row = new WorkItems(store()).update(id, ch);
        if (output.json()) {
            JsonOutput.write(out(), row);
        } else {
            WorkOutput.details(out(), row);
        }
        return 0;
    }
}
