package dev.ailab.cli.host;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Verified backups of the host: create, list, info, verify, restore, prune. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Verified backups of the host: create, list, info, verify, restore, prune.",
        footerHeading = "%nFormat:%n",
        footer = {"  <backup_dir>/ai-lab-backup-<UTC time>.tar.gz holds first ai-lab-backup-manifest.json (format "
                          + "version, time, every entry's type, mode, size and SHA-256), then the files of <base_dir>. "
                          + "Next to it is a .sha256 file that 'sha256sum -c' reads. The age identity and the backups "
                          + "folder are never included.",
                  "",
                  "Examples:",
                  "  ai-lab backup create --include-secrets && ai-lab backup list",
                  "  ai-lab backup verify FILE && ai-lab backup restore FILE --dry-run"})
public class BackupCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(BackupCreateCommand.class, BackupListCommand.class, BackupInfoCommand.class,
                BackupVerifyCommand.class, BackupRestoreCommand.class, BackupPruneCommand.class);
    }
}
