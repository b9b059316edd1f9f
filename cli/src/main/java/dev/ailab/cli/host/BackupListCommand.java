package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.TextTable;
import dev.ailab.deployment.backup.BackupSummary;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code backup list}: the backups in the backup folder, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the backups in the backup folder, newest first (reads each manifest, not the whole archive).",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab backup list", "  ai-lab backup list --output json | jq -r '.[0].file'"})
public class BackupListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        List<BackupSummary> list = host.backups().list();
        if (output.json()) {
            JsonOutput.write(host.out, list);
            return 0;
        }
        if (list.isEmpty()) {
            host.out.println("no backups in " + host.layout.backupDir());
            host.out.flush();
            return 0;
        }
        TextTable table = new TextTable("NAME", "CREATED", "SIZE", "FILES", "SECRETS", "CHECKSUM");
        for (BackupSummary s : list) {
            table.row(s.name(), s.problem() != null ? "unreadable" : s.createdAt(), HostContext.size(s.size()),
                    s.problem() != null ? "-" : s.files(), s.includesSecrets() ? "yes" : "no", s.checksumFile() ? "yes" : "missing");
        }
        table.print(host.out, TextTable.terminalWidth(host.run.env()));
        return 0;
    }
}
