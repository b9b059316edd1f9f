package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.Sessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code session log}: one timestamped line; silent on success. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Add a timestamped line to a session's log (the message from the arguments, or standard input).",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab session log 7 'opened a pull request'", "  make test 2>&1 | tail -5 | ai-lab session log 7"})
public class SessionLogCommand extends HubCommand {
    @Parameters(index = "0", paramLabel = "ID") long id;
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "MESSAGE", description = "The message; - or nothing reads standard input.")
    List<String> message;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() throws IOException {
        String text = message == null || message.isEmpty() || message.equals(List.of("-"))
                ? new String(context().stdin().readAllBytes(), StandardCharsets.UTF_8)
                : String.join(" ", message);
        Sessions.LogRow row = new Sessions(store()).log(id, text);
        if (output.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("session", id);
            result.put("at", row.at());
            result.put("message", row.message());
            JsonOutput.write(out(), result);
        }
        return 0;
    }
}
