package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.ScheduleOptions;
import dev.ailab.deployment.backup.BackupSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backup create}: a verified tar.gz of the deployment folder. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Back up the deployment's configuration and state into a tar.gz.",
                       "With --include-secrets the encrypted secrets go in too, never decrypted. The archive holds a "
                               + "manifest of every entry's SHA-256 and mode and comes with a .sha256 checksum file. "
                               + "Written atomically, mode 0600."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab backup create", "  ai-lab backup create --include-secrets --dir /mnt/usb/ai-backups",
                  "  ai-lab backup create --schedule weekly --keep 8",
                  "%nExit codes: 0 created, 1 nothing to back up or a file changed during the backup"})
public class BackupCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;
    @Mixin
    ScheduleOptions schedule;

    @Option(names = "--include-secrets", description = "Include the encrypted secrets (<agent>.age and recipients.txt).")
    boolean includeSecrets;

    @Option(names = "--dir", paramLabel = "DIR", description = "Write the backup here instead of the backup folder.")
    Path dir;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        schedule.checkKeep();
        if (schedule.scheduling()) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("backup", "create"));
            if (includeSecrets) {
                args.add("--include-secrets");
            }
            if (dir != null) {
                args.addAll(java.util.List.of("--dir", host.resolve(dir.toString()).toString()));
            }
            schedule.apply(host.run, host.out, host.err, "ai-lab-host-backup", "ai-lab host backup", "ai-lab", args);
            return 0;
        }
        var backups = host.backups();
        Path archive = backups.create(includeSecrets, dir == null ? null : host.resolve(dir.toString()),
                dev.ailab.cli.ProgressOutput.of(spec));
        if (schedule.keep != null) {
            backups.prune(schedule.keep, false).forEach(old -> host.err.println("deleted old backup " + old));
        }
        BackupSummary s = backups.info(archive);
        if (output.json()) {
            JsonOutput.write(host.out, s);
        } else {
            host.out.println("created " + archive + " (" + HostContext.size(s.size()) + ", " + s.files() + " files"
                    + (s.includesSecrets() ? ", with encrypted secrets" : ", without secrets") + ")");
            host.out.println("checksum: " + archive + ".sha256");
            host.out.flush();
        }
        return 0;
    }
}
