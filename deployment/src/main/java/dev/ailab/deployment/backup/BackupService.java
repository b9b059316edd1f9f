package dev.ailab.deployment.backup;

import dev.ailab.deployment.host.HostLayout;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Verified backups of a host's deployment folder: a tar.gz whose first entry is a manifest with
 * every entry's type, mode, size and SHA-256, next to a {@code .sha256} file (in {@code sha256sum}
 * format) for the archive as a whole. Secrets are included only when asked for, and only as the
 * encrypted files; the age identity and the backups themselves are never included.
 *
 * <p>One object for the backup commands and the host inspector, built from the host layout; the
 * work is done by {@link BackupWriter}, {@link BackupVerifier}, {@link BackupRestorer} and
 * {@link BackupCatalog}.
 */
public final class BackupService {
    public static final String MANIFEST_ENTRY = BackupFormat.MANIFEST_ENTRY;

    private final BackupWriter writer;
    private final BackupVerifier verifier;
    private final BackupRestorer restorer;
    private final BackupCatalog catalog;

    public BackupService(HostLayout layout, Consumer<String> warnings, Clock clock, String tool) {
        this.writer = new BackupWriter(layout, warnings, clock, tool);
        this.verifier = new BackupVerifier(warnings);
        this.restorer = new BackupRestorer(layout.baseDir(), verifier, warnings, clock);
        this.catalog = new BackupCatalog(layout.backupDir());
    }

    public Path backupDir() {
        return catalog.backupDir();
    }

    public static Path checksumFile(Path archive) {
        return BackupFormat.checksumFile(archive);
    }

    /** Creates a backup in {@code outputDir} (default the backup folder) and returns its path. */
    public Path create(boolean includeSecrets, Path outputDir) {
        return writer.create(includeSecrets, outputDir);
    }

    /** As {@link #create(boolean, Path)}, reporting the files hashed and the bytes archived on {@code progress}. */
    public Path create(boolean includeSecrets, Path outputDir, dev.ailab.core.io.Progress progress) {
        return writer.create(includeSecrets, outputDir, progress);
    }

    /** Checks the archive against its checksum file and every entry against the manifest. */
    public VerifyReport verify(Path archive) {
        return verifier.verify(archive);
    }

    /** How many kept folders of restores ({@code .replaced-*}) stay after a restore, unless told otherwise. */
    public static final int KEEP_REPLACED = 1;

    /** Verifies, then restores into {@code target} (default the base folder), keeping aside what it replaces. */
    public RestoreReport restore(Path archive, Path target, boolean dryRun) {
        return restore(archive, target, dryRun, KEEP_REPLACED);
    }

    /** As {@link #restore(Path, Path, boolean)}; then keeps only the {@code keepReplaced} newest kept folders. */
    public RestoreReport restore(Path archive, Path target, boolean dryRun, int keepReplaced) {
        return restorer.restore(archive, target, dryRun, keepReplaced);
    }

    /** Puts back what the newest restore into {@code target} (default the base folder) kept aside. */
    public RestoreReport undoRestore(Path target, boolean dryRun, int keepReplaced) {
        return restorer.undo(target, dryRun, keepReplaced);
    }

    /** The backups in the backup folder, newest first. */
    public List<BackupSummary> list() {
        return catalog.list();
    }

    /** Archive files named like our backups, newest first. */
    public List<Path> archives() {
        return catalog.archives();
    }

    /** The manifest summary of one archive. */
    public BackupSummary info(Path archive) {
        return catalog.info(archive);
    }

    /** Deletes all but the {@code keep} newest backups; returns what was (or would be) deleted. */
    public List<Path> prune(int keep, boolean dryRun) {
        return catalog.prune(keep, dryRun);
    }

    /** The newest backup's creation time, or null. */
    public Instant lastBackupTime() {
        return catalog.lastBackupTime();
    }
}
