package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code session show}: the session and its log. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a session with its log.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab session show 7"})
public class SessionShowCommand extends HubCommand {
    @Parameters(paramLabel = "ID") long id;

    @Mixin
    OutputMixin output;

    @Override
    protected boolean readsOnly() {
        return true;
    }

    @Override
    protected int run() {
        Sessions.SessionDetails d = new Sessions(store()).show(id);
        if (output.json()) {
            JsonOutput.write(out(), d);
            return 0;
        }
        Sessions.SessionRow s = d.session();
        out().println("session #" + s.id() + "  " + s.agent() + (s.model() == null ? "" : " (" + s.model() + ")"));
        WorkOutput.line(out(), "project", s.project());
        WorkOutput.line(out(), "started", s.started());
        WorkOutput.line(out(), "ended", s.ended() == null ? "still open" : s.ended());
        WorkOutput.line(out(), "tokens", s.tokensIn() == null && s.tokensOut() == null ? null
                : "in " + HubCommand.orDash(s.tokensIn()) + ", out " + HubCommand.orDash(s.tokensOut()));
        WorkOutput.line(out(), "cost", s.cost());
        WorkOutput.line(out(), "work", s.workItems().isEmpty() ? null : String.join(", ", s.workItems().stream().map(w -> "#" + w).toList()));
        WorkOutput.line(out(), "summary", s.summary());
        if (!d.log().isEmpty()) {
            out().println();
            for (Sessions.LogRow l : d.log()) {
                out().println(l.at().substring(11, 19) + "  " + l.message().replace("\n", "\n          "));
            }
        }
        out().flush();
        return 0;
    }
}
