package dev.ailab.cli.hub;

import dev.ailab.hub.Sessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code session log}: one timestamped line; silent on success. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Add a timestamped line to a session's log (the message from the arguments, or standard input).",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab session log 7 'opened a pull request'", "  make test 2>&1 | tail -5 | ai-lab session log 7"})
public class SessionLogCommand extends HubCommand {
    @Parameters(index = "0", paramLabel = "ID") long id;
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "MESSAGE", description = "The message; - or nothing reads standard input.")
    List<String> message;

    @Override
    protected int run() throws IOException {
        String text = message == null || message.isEmpty() || message.equals(List.of("-"))
                ? new String(context().stdin().readAllBytes(), StandardCharsets.UTF_8)
                : String.join(" ", message);
        new Sessions(store()).log(id, text);
        return 0;
    }
}
