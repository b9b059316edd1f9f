package dev.ailab.deployment.backup;

import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.FileTrees;
import dev.ailab.deployment.secrets.Permissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a verified backup: everything is first extracted (and checked again) into a staging
 * folder inside the target; only then each top-level name is swapped in, what it replaces moved
 * to {@code target/.replaced-<time>/}. A failure in the swap puts back what was moved.
 */
public final class BackupRestorer {
    private static final Logger LOG = LoggerFactory.getLogger(BackupRestorer.class);

    private final Path baseDir;
    private final BackupVerifier verifier;
    private final Consumer<String> warnings;
    private final Clock clock;

    /** @param baseDir where a restore goes when no target is given */
    public BackupRestorer(Path baseDir, BackupVerifier verifier, Consumer<String> warnings, Clock clock) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.verifier = verifier;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** Restores {@code archive} into {@code target} (default the base folder); with {@code dryRun} only the plan is returned. */
    public RestoreReport restore(Path archive, Path target, boolean dryRun) {
        Path root = (target == null ? baseDir : target).toAbsolutePath().normalize();
        VerifyReport report = verifier.verify(archive);
        if (!report.ok()) {
            throw new OperationFailedException(archive + " failed verification (" + report.problems().size()
                    + (report.problems().size() == 1 ? " problem: " : " problems, first: ")
                    + report.problems().get(0) + "); nothing was restored", "run 'ai-lab backup verify " + archive + "' for the full list");
        }
        BackupManifest manifest = BackupFormat.manifestOf(archive);
        List<String> created = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        int unchanged = 0;
        for (BackupManifest.Entry e : manifest.entries) {
            Path p = root.resolve(e.path);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                created.add(e.path);
            } else if (e.type.equals("file") && !(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && sameContent(p, e))) {
                replaced.add(e.path);
            } else if (e.type.equals("symlink") && !linkMatches(p, e)) {
                replaced.add(e.path);
            } else {
                unchanged++;
            }
        }
        if (dryRun) {
            return new RestoreReport(archive.toString(), root.toString(), true, created, replaced, unchanged, null);
        }
        String stamp = BackupFormat.STAMP.format(clock.instant());
        Path staging = root.resolve(".restore-" + stamp);
        Path aside = root.resolve(".replaced-" + stamp);
        try {
            Files.createDirectories(root);
            Permissions.ownerOnlyDirectory(staging);
            VerifyReport second = verifier.extract(archive, staging);
            if (!second.ok()) {
                throw new OperationFailedException(archive + " changed while it was being restored (" + second.problems().get(0)
                        + "); nothing was restored", null);
            }
            applyModes(staging, manifest);
            swapIn(root, staging, aside, topLevelNames(manifest));
        } catch (IOException e) {
            throw new OperationFailedException("restore failed: " + e.getMessage() + "; nothing was replaced", null, e);
        } finally {
            FileTrees.deleteQuietly(staging);
        }
        LOG.info("restored {} into {} ({} created, {} replaced)", archive, root, created.size(), replaced.size());
        return new RestoreReport(archive.toString(), root.toString(), false, created, replaced, unchanged,
                Files.exists(aside) ? aside.toString() : null);
    }

    /** Moves each top-level name of the staging folder into {@code root}, what it replaces aside; all or nothing. */
    private void swapIn(Path root, Path staging, Path aside, List<String> tops) {
        List<String[]> done = new ArrayList<>();
        try {
            for (String top : tops) {
                Path current = root.resolve(top);
                boolean existed = Files.exists(current, LinkOption.NOFOLLOW_LINKS);
                if (existed) {
                    Files.createDirectories(aside);
                    Files.move(current, aside.resolve(top), StandardCopyOption.ATOMIC_MOVE);
                }
                done.add(new String[] {top, existed ? "moved" : "new"});
                Files.move(staging.resolve(top), current, StandardCopyOption.ATOMIC_MOVE);
                done.get(done.size() - 1)[1] += "+placed";
            }
        } catch (IOException | RuntimeException e) {
            undo(root, staging, aside, done);
            throw new OperationFailedException("restore failed while swapping in " + (done.isEmpty() ? "the first entry" : done.get(done.size() - 1)[0])
                    + ": " + e.getMessage() + "; everything was put back", null, e);
        }
    }

    private void undo(Path root, Path staging, Path aside, List<String[]> done) {
        for (int i = done.size() - 1; i >= 0; i--) {
            String top = done.get(i)[0];
            String state = done.get(i)[1];
            try {
                if (state.endsWith("+placed")) {
                    Files.move(root.resolve(top), staging.resolve(top), StandardCopyOption.ATOMIC_MOVE);
                }
                if (state.startsWith("moved")) {
                    Files.move(aside.resolve(top), root.resolve(top), StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                warnings.accept("could not put back " + top + "; the previous version is in " + aside);
            }
        }
        try {
            Files.deleteIfExists(aside);
        } catch (IOException ignored) {
            // not empty: something could not be put back, and the warning says where it is
        }
    }

    private static List<String> topLevelNames(BackupManifest manifest) {
        List<String> tops = new ArrayList<>();
        for (BackupManifest.Entry e : manifest.entries) {
            String p = e.path.endsWith("/") ? e.path.substring(0, e.path.length() - 1) : e.path;
            String top = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
            if (!tops.contains(top)) {
                tops.add(top);
            }
        }
        return tops;
    }

    private static void applyModes(Path staging, BackupManifest manifest) throws IOException {
        if (!Permissions.posix(staging)) {
            return;
        }
        List<BackupManifest.Entry> dirs = new ArrayList<>();
        for (BackupManifest.Entry e : manifest.entries) {
            Path p = staging.resolve(e.path);
            switch (e.type) {
                case "file" -> {
                    Files.setPosixFilePermissions(p, Permissions.fromMode(Integer.parseInt(e.mode, 8)));
                    Files.setLastModifiedTime(p, FileTime.fromMillis(e.mtime));
                }
                case "dir" -> dirs.add(e);
                default -> {
                    // symbolic links keep their own mode
                }
            }
        }
        // Deepest folders first, so a read-only folder does not block its children.
        dirs.sort(Comparator.comparing((BackupManifest.Entry e) -> e.path.length()).reversed());
        for (BackupManifest.Entry e : dirs) {
            Path p = staging.resolve(e.path);
            Files.setPosixFilePermissions(p, Permissions.fromMode(Integer.parseInt(e.mode, 8)));
            Files.setLastModifiedTime(p, FileTime.fromMillis(e.mtime));
        }
    }

    private static boolean sameContent(Path p, BackupManifest.Entry e) {
        try {
            return Files.size(p) == e.size && BackupFormat.hash(p).equals(e.sha256);
        } catch (IOException ex) {
            return false;
        }
    }

    private static boolean linkMatches(Path p, BackupManifest.Entry e) {
        try {
            return Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().equals(e.linkTarget);
        } catch (IOException ex) {
            return false;
        }
    }
}
