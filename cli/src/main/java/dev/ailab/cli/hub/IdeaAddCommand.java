package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.hub.Ideas;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code idea add}: prints the new idea's id. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Write down an idea and print its id.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab idea add 'Try SQLite FTS5 for search' --tag search --tag perf"})
public class IdeaAddCommand extends HubCommand {
    @Parameters(arity = "1..*", paramLabel = "TITLE", description = "The title (several words are joined with spaces).")
    List<String> title;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeat, or comma-separate).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT") String body;
    @Option(names = "--body-file", paramLabel = "FILE", description = "Read the text from FILE, or - for standard input.") String bodyFile;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        if (body != null && bodyFile != null) {
            throw new InvalidInputException("give --body or --body-file, not both", null);
        }
        Ideas.IdeaRow row = new Ideas(store()).add(String.join(" ", title), body != null ? body : readTextFile(bodyFile, "body"), tags);
        if (output.json()) {
            JsonOutput.write(out(), row);
        } else {
            out().println(row.id());
            out().flush();
        }
        return 0;
    }
}
