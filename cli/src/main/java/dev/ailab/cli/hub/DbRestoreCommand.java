package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.hub.DbMaintenance;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code db restore}: verifies everything first, keeps the current database aside. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the store with a backup. The backup is checked first (checksum, decryption, SQLite integrity,"
                + " schema version); the current database is kept aside as NAME.before-restore-STAMP.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab db restore ~/.local/share/ai-lab/backups/ai-lab-20261122-101500.db.gz",
            "  ai-lab db restore hub.db.gz.age --identity ~/.config/age/key.txt"})
public class DbRestoreCommand extends HubCommand {
    @Parameters(paramLabel = "FILE", description = "A file made by 'ai-lab db backup'.") String file;

    @Option(names = {"-i", "--identity"}, paramLabel = "KEYFILE", description = "age identity file, for encrypted backups.")
    String identity;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        Path backup = context().resolve(file);
        boolean encrypted = DbMaintenance.looksEncrypted(backup);
        if (encrypted && identity == null) {
            throw new InvalidInputException(backup + " is age-encrypted", "give the key with --identity KEYFILE");
        }
        Path key = identity == null ? null : context().resolve(identity);
        DbMaintenance.RestoreResult r = new DbMaintenance(store()).restore(backup, encrypted ? in -> HubAge.decrypt(in, key) : null);
        if (output.json()) {
            JsonOutput.write(out(), r);
        } else {
            err().println("restored " + r.database() + " from " + r.restoredFrom() + " (schema version " + r.schemaVersion()
                    + ", " + r.rows().getOrDefault("work_item", 0L) + " work items"
                    + (r.checksumVerified() ? ", checksum verified" : ", no checksum file: verified by integrity check") + ")");
            if (r.previousKeptAt() != null) {
                err().println("the previous database is kept at " + r.previousKeptAt());
            }
            err().flush();
        }
        return 0;
    }
}
