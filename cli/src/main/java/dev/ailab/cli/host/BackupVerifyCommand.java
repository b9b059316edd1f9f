package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.deployment.backup.VerifyReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backup verify FILE}: every entry against the manifest, the archive against its checksum. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a backup archive: a flipped byte anywhere is found.",
                       "The archive is checked against its .sha256 file and every entry against the manifest (type, "
                               + "mode, size, SHA-256); unsafe entries are refused."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab backup verify /ai/backups/ai-lab-backup-20261122T100000Z.tar.gz",
                  "  for f in /ai/backups/*.gz; do ai-lab backup verify -q \"$f\" || echo \"$f\"; done",
                  "%nExit codes: 0 intact, 1 damaged, truncated or unsafe, 2 not a backup or unknown format version"})
public class BackupVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "FILE", description = "The backup archive.")
    Path file;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        VerifyReport r = host.backups().verify(host.resolve(file.toString()));
        if (output.json()) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("file", r.file());
            m.put("ok", r.ok());
            m.put("format_version", r.formatVersion());
            m.put("created_at", r.createdAt());
            m.put("entries_checked", r.entriesChecked());
            m.put("checksum_file_checked", r.checksumFileChecked());
            m.put("problems", r.problems());
            JsonOutput.write(host.out, m);
        } else if (r.ok()) {
            host.out.println("ok: " + r.file() + " (" + r.entriesChecked() + " entries match the manifest"
                    + (r.checksumFileChecked() ? ", archive matches its .sha256" : "") + ")");
        } else {
            host.out.println("DAMAGED: " + r.file() + " (" + r.problems().size() + (r.problems().size() == 1 ? " problem)" : " problems)"));
            r.problems().forEach(p -> host.out.println("  " + p));
            host.err.println("hint: a damaged backup cannot be restored; pick another one ('ai-lab backup list')");
            host.err.flush();
        }
        host.out.flush();
        return r.ok() ? 0 : 1;
    }
}
