package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.hub.WorkItemRow;
import dev.ailab.hub.WorkItems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code work delete}: asks at a terminal; scripts pass --yes. */
@Command(name = "delete", aliases = "rm", mixinStandardHelpOptions = true,
        description = "Delete a work item. Its children keep living without a parent. Asks first at a terminal.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab work delete 12", "  ai-lab work delete 12 --yes   # in scripts"})
public class WorkDeleteCommand extends HubCommand {
    @Parameters(paramLabel = "ID", description = "The work item's id.")
    long id;

    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() throws IOException {
        WorkItems work = new WorkItems(store());
        WorkItemRow row = work.get(id);
        if (!yes) {
            if (!context().interactive()) {
                throw new InvalidInputException("refusing to delete #" + id + " without confirmation",
                        "add --yes when running from a script");
            }
            err().print("Delete #" + id + " \"" + row.title() + "\"? [y/N] ");
            err().flush();
            String answer = new BufferedReader(new InputStreamReader(context().stdin(), StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).matches("y|yes")) {
                throw new OperationFailedException("not deleted", null);
            }
        }
        WorkItemRow deleted = work.delete(id);
        if (output.json()) {
            JsonOutput.write(out(), deleted);
        } else {
            err().println("deleted #" + id + ": " + deleted.title());
            err().flush();
        }
        return 0;
    }
}
