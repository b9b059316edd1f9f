package dev.ailab.cli.github;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.integrations.github.IssueSync;
import dev.ailab.integrations.github.ThreeWay;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code github resolve}: settles an item's conflicts; the next sync writes the chosen side's value. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Settle a work item's sync conflicts by taking the local or the GitHub value; the next sync writes it.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab github resolve 12 --take local", "  ai-lab github resolve 12 --take remote --field title"})
public class GithubResolveCommand extends GithubSupport {
    @Parameters(index = "0", paramLabel = "ITEM", description = "Work item id.") String item;
    @Option(names = "--take", required = true, paramLabel = "SIDE", description = "local or remote.") String take;
    @Option(names = "--field", paramLabel = "FIELD", description = "Only this field: title, body, status, labels, assignee, due.")
    String field;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        long id;
        try {
            id = Long.parseLong(item);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("work item ids are whole numbers, got '" + item + "'",
                    "list the conflicts with 'ai-lab github sync --project P --dry-run'");
        }
        if (!take.equals("local") && !take.equals("remote")) {
            throw new InvalidInputException("--take is local or remote, got '" + take + "'",
                    "--take local keeps the work item's value, --take remote GitHub's");
        }
        if (field != null && !ThreeWay.FIELDS.contains(field)) {
            throw new InvalidInputException("--field is one of " + String.join(", ", ThreeWay.FIELDS) + ", got '" + field + "'",
                    "leave --field out to settle every conflict of the item");
        }
        List<IssueSync.ConflictRow> settled = new IssueSync(null, store(), s -> { }).resolve(id, take.equals("local"), field);
        if (output.json()) {
            JsonOutput.write(out(), Map.of("item", id, "take", take, "settled", settled));
        } else {
            if (settled.isEmpty()) {
                out().println("item " + id + " has no open conflict" + (field == null ? "" : " on " + field));
            }
            for (IssueSync.ConflictRow k : settled) {
                out().println("item " + id + " " + k.field() + ": " + take + " ('" + (take.equals("local") ? k.local() : k.remote())
                        + "') is written by the next 'ai-lab github sync'");
            }
            out().flush();
        }
        return 0;
    }
}
