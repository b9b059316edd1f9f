package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.hub.DbMaintenance;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code db info}: version, pending migrations, file, size, row counts; --check runs PRAGMA integrity_check. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the store: where it is, its size, schema version, pending migrations and row counts."
                + " --check also runs SQLite's integrity check (exit 1 when it fails).",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab db info", "  ai-lab db info --check --output json"})
public class DbInfoCommand extends HubCommand {
    @Option(names = "--check", description = "Run PRAGMA integrity_check.") boolean check;

    @Mixin
    OutputMixin output;

    @Override
    protected boolean readsOnly() {
        return true;
    }

    @Override
    protected int run() {
        DbMaintenance.Info info = new DbMaintenance(store()).info(check);
        if (output.json()) {
            JsonOutput.write(out(), info);
        } else {
            PrintWriter o = out();
            WorkOutput.line(o, "database", info.url() + (info.exists() ? "" : " (not made yet: the first command that writes creates it)"));
            WorkOutput.line(o, "size", info.sizeBytes() == null ? null : info.sizeBytes() + " bytes");
            WorkOutput.line(o, "journal", info.journalMode());
            WorkOutput.line(o, "schema", info.schemaVersion() == null ? "empty (migrated on first use)"
                    : "version " + info.schemaVersion() + " (this ai-lab knows up to " + info.latestKnown() + ")");
            WorkOutput.line(o, "pending", info.pending().isEmpty() ? "none" : String.join(", ", info.pending()));
            if (!info.newer().isEmpty()) {
                WorkOutput.line(o, "newer", String.join(", ", info.newer()) + " (made by a newer ai-lab)");
            }
            for (Map.Entry<String, Long> e : info.rows().entrySet()) {
                o.printf("  %-22s %d%n", e.getKey(), e.getValue());
            }
            if (info.integrity() != null) {
                WorkOutput.line(o, "integrity", info.integrityOk() ? "ok" : "FAILED");
            }
            o.flush();
        }
        if (!info.integrityOk()) {
            List<String> problems = info.integrity();
            throw new OperationFailedException("the database " + info.url() + " is damaged: "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))), store().restoreHint());
        }
        return 0;
    }
}
