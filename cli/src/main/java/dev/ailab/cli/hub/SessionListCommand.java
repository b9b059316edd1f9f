package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.TextTable;
import dev.ailab.hub.Sessions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code session list}: newest first. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, description = "List AI sessions, newest first.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab session list --project shop --limit 10", "  ai-lab session list --open --output json"})
public class SessionListCommand extends HubCommand {
    @Option(names = {"-p", "--project"}, paramLabel = "NAME") String project;
    @Option(names = "--agent", paramLabel = "NAME") String agent;
    @Option(names = "--open", description = "Only sessions not ended.") boolean open;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N (default ${DEFAULT-VALUE}; 0 for all).") int limit;

    @Mixin
    OutputMixin output;

    @Override
    protected boolean readsOnly() {
        return true;
    }

    @Override
    protected int run() {
        List<Sessions.SessionRow> rows = new Sessions(store()).list(project, agent, open, limit);
        if (output.json()) {
            JsonOutput.write(out(), rows);
        } else if (rows.isEmpty()) {
            err().println("no sessions match");
            err().flush();
        } else {
            TextTable t = new TextTable("ID", "AGENT", "MODEL", "PROJECT", "STARTED", "ENDED", "TOKENS", "COST", "SUMMARY");
            for (Sessions.SessionRow r : rows) {
                String tokens = r.tokensIn() == null && r.tokensOut() == null ? "" : HubCommand.orDash(r.tokensIn()) + "/" + HubCommand.orDash(r.tokensOut());
                t.row(r.id(), r.agent(), r.model(), r.project(), r.started().substring(0, 16).replace('T', ' '),
                        r.ended() == null ? "open" : r.ended().substring(0, 16).replace('T', ' '), tokens,
                        r.cost() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", r.cost()), r.summary());
            }
            t.print(out(), width());
        }
        return 0;
    }
}
