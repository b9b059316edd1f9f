package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.hub.NewWorkItem;
import dev.ailab.hub.Priority;
import dev.ailab.hub.StoreValues;
import dev.ailab.hub.WorkItems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code work add}: one plain-JDBC insert; prints the new id. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a work item and print its id.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab work add 'Fix the login page' -p shop -P high --label bug --due +3d",
            "  git log -1 --format=%%B | ai-lab work add 'Follow up on HEAD' --body-file -"})
public class WorkAddCommand extends HubCommand {
    @Parameters(arity = "1..*", paramLabel = "TITLE", description = "The title (several words are joined with spaces).")
    List<String> title;

    @Option(names = {"-p", "--project"}, paramLabel = "NAME", description = "The project (made if new).")
    String project;

    @Option(names = {"-P", "--priority"}, paramLabel = "PRIORITY", description = "low, normal (default), high or urgent.")
    String priority;

    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", description = "A label (repeat, or comma-separate).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT", description = "The description.")
    String body;

    @Option(names = "--body-file", paramLabel = "FILE", description = "Read the description from FILE, or - for standard input.")
    String bodyFile;

    @Option(names = "--assignee", paramLabel = "NAME", description = "A person or an agent.")
    String assignee;

    @Option(names = "--due", paramLabel = "DATE", description = "Due date: YYYY-MM-DD, today, tomorrow, +3d, +2w.")
    String due;

    @Option(names = "--parent", paramLabel = "ID", description = "The item this one is part of.")
    Long parent;

    @Option(names = "--ref", paramLabel = "REF", description = "External reference, for example github:owner/repo#12.")
    String ref;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        if (body != null && bodyFile != null) {
            throw new InvalidInputException("give --body or --body-file, not both", null);
        }
        String text = body != null ? body : readTextFile(bodyFile, "body");
        LocalDate dueDate = due == null ? null : StoreValues.parseDate(due, LocalDate.now());
        Priority p = priority == null ? null : Priority.parse(priority);
        NewWorkItem item = new NewWorkItem(String.join(" ", title), text, project, null, p, StoreValues.labels(labels),
                assignee, dueDate, parent, ref, null, null);
        WorkItems work = new WorkItems(store());
        long id = work.add(item);
        if (output.json()) {
            JsonOutput.write(out(), work.get(id));
        } else {
            out().println(id);
            out().flush();
        }
        return 0;
    }
}
