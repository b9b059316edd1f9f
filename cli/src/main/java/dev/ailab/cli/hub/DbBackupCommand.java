package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.ScheduleOptions;
import dev.ailab.hub.DbMaintenance;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code db backup}: consistent snapshot (VACUUM INTO), gzip, optional age, SHA-256 sidecar. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the store consistently while others may write (VACUUM INTO), gzip it, optionally age-encrypt it,"
                + " and write FILE.sha256 next to it. Prints the backup's path.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab db backup", "  ai-lab db backup --file /mnt/usb/hub.db.gz",
            "  ai-lab db backup --file /mnt/usb/hub.db.gz --force",
            "  ai-lab db backup --schedule daily --keep 14",
            "  ai-lab db backup --encrypt-to \"$(age-keygen -y ~/.config/age/key.txt)\""})
public class DbBackupCommand extends HubCommand {
    @Option(names = "--file", paramLabel = "FILE",
            description = "Where to write (default: backups/ai-lab-STAMP.db.gz next to the database).")
    String target;

    @Option(names = {"-f", "--force"}, description = "Overwrite the --file if it exists.")
    boolean force;

    @Option(names = "--encrypt-to", paramLabel = "AGE_RECIPIENT", description = "Encrypt for this age X25519 recipient (age1...).")
    String recipient;

    @Mixin
    OutputMixin output;

    @Mixin
    ScheduleOptions schedule;

    @Override
    protected boolean readsOnly() {
        return true;
    }

    @Override
    protected int run() {
        schedule.checkKeep();
        if (recipient != null) {
            HubAge.checkRecipient(recipient);
        }
        if (schedule.scheduling()) {
            if (target != null) {
                throw new dev.ailab.core.error.InvalidInputException("--file and --schedule exclude each other",
                        "a scheduled backup writes a new file per run next to the database; leave out --file");
            }
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("db", "backup"));
            if (recipient != null) {
                args.addAll(java.util.List.of("--encrypt-to", recipient));
            }
            schedule.apply(context(), out(), err(), "ai-lab-db-backup", "ai-lab hub database backup", "ai-lab", args);
            return 0;
        }
        DbMaintenance db = new DbMaintenance(store());
        Path file = target != null ? context().resolve(target) : db.defaultBackupFile(recipient != null);
        if (target != null && java.nio.file.Files.exists(file) && !force) {
            throw new dev.ailab.core.error.OperationFailedException(file + " already exists; nothing was written",
                    "choose another --file, or add --force to overwrite it");
        }
        DbMaintenance.BackupResult r = db.backup(file, recipient == null ? null : out -> HubAge.encrypt(out, recipient),
                dev.ailab.cli.ProgressOutput.of(spec));
        if (schedule.keep != null) {
            DbMaintenance.prune(file.toAbsolutePath().getParent(), schedule.keep)
                    .forEach(old -> err().println("deleted old backup " + old));
        }
        if (output.json()) {
            JsonOutput.write(out(), r);
        } else {
            out().println(r.file());
            out().flush();
            err().println("sha256 " + r.sha256() + " (" + r.sizeBytes() + " bytes" + (r.encrypted() ? ", age-encrypted" : "") + ")");
            err().flush();
        }
        return 0;
    }
}
