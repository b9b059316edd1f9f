package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.Sessions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code session end}: records the end time, summary, tokens and cost; silent on success. */
@Command(name = "end", mixinStandardHelpOptions = true, description = "End a session, with what it cost and did.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab session end 7 --summary 'fixed login' --cost 0.41",
            "  ai-lab session end 7 --tokens-in 12000 --tokens-out 3400 --work 12,13"})
public class SessionEndCommand extends HubCommand {
    @Parameters(paramLabel = "ID") long id;
    @Option(names = "--summary", paramLabel = "TEXT") String summary;
    @Option(names = "--tokens-in", paramLabel = "N") Long tokensIn;
    @Option(names = "--tokens-out", paramLabel = "N") Long tokensOut;
    @Option(names = "--cost", paramLabel = "AMOUNT", description = "What the session cost, in your currency.") Double cost;
    @Option(names = "--work", paramLabel = "ID", split = ",", description = "Work items it touched (repeatable).")
    List<Long> work = new ArrayList<>();

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        Sessions sessions = new Sessions(store());
        sessions.end(id, summary, tokensIn, tokensOut, cost, work);
        if (output.json()) {
            JsonOutput.write(out(), sessions.show(id).session());
        }
        return 0;
    }
}
