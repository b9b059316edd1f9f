package dev.ailab.sources.library;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.error.ToolkitException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.sources.git.GitAuth;
import dev.ailab.sources.git.GitClient.Change;
import dev.ailab.sources.git.GitClient.GitRepository;
import dev.ailab.sources.git.GitConflictException;
import dev.ailab.sources.git.GitProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves {@code library/} between versions: {@code update} to the fetched upstream, {@code rollback}
 * to an earlier applied version. One run at a time (a file lock). Local edits are kept, a
 * conflict stops the run before anything changes, and every applied version is recorded.
 *
 * <p>A run that fails puts everything back by itself: HEAD is saved in a backup ref, the local
 * edits in a {@link LocalEditSnapshots snapshot}, and a journal ({@code .ai-config/in-progress})
 * names both while the working copy moves, so a run that was killed is undone by the next one.
 */
final class LibraryUpdater {
    static final String BACKUP_REFS = "refs/ai-config/backups/";

    private final Library library;
    private final LibraryHome home;
    private final LocalEditSnapshots snapshots;

    LibraryUpdater(Library library) {
        this.library = library;
        this.home = library.home();
        this.snapshots = new LocalEditSnapshots(home);
    }

    /** Fetches the branch and applies what changed. */
    UpdateReport update(boolean dryRun, GitAuth auth, GitProgress progress) {
        try (Lock lock = lock()) {
            GitRepository r = library.repository();
            if (!dryRun) {
                recoverLocked();
            }
            String head = Library.requireHead(r);
            String upstream = r.fetch(library.branch(), auth, progress);
            if (head.equals(upstream)) {
                UpdateReport report = new UpdateReport("update", head, upstream, 0, List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of(), false, null, 0);
                library.audit().record("library update", "ok", "already up to date", Library.details("commit", head));
                return report;
            }
            if (!r.isAncestor(head, upstream) && !isRecordedVersion(head)) {
                throw new OperationFailedException("library/ has commits that are not upstream (someone committed inside it); "
                        + "nothing was changed",
                        "move those changes to personal/, then reset library/ with 'git -C " + home.library()
                                + " reset --keep " + UpdateReport.shortId(upstream) + "'");
            }
            return apply("update", head, upstream, dryRun);
        }
    }

    /** Returns the library to an earlier applied version (number, commit prefix, or null for the one before). */
    UpdateReport rollback(String version, boolean dryRun) {
        try (Lock lock = lock()) {
            GitRepository r = library.repository();
            if (!dryRun) {
                recoverLocked();
            }
            String head = Library.requireHead(r);
            String target = resolveVersion(version, head);
            if (target.equals(head)) {
                throw new InvalidInputException("the library is already at " + UpdateReport.shortId(head),
                        "see 'ai-config library log' for the versions you can return to");
            }
            return apply("rollback", head, target, dryRun);
        }
    }

    private String resolveVersion(String version, String head) {
        List<VersionLog.Version> all = library.versions().read();
        if (version == null) {
            // the newest recorded version whose commit differs from the current one
            for (int i = all.size() - 1; i >= 0; i--) {
                if (!all.get(i).commit().equals(head)) {
                    return all.get(i).commit();
                }
                if (all.get(i).previous() != null && !all.get(i).previous().equals(head)) {
                    return all.get(i).previous();
                }
            }
            throw new InvalidInputException("there is no earlier version to roll back to",
                    "see 'ai-config library log'");
        }
        if (version.matches("\\d{1,6}")) {
            int n = Integer.parseInt(version);
            for (VersionLog.Version v : all) {
                if (v.number() == n) {
                    return v.commit();
                }
            }
        }
        if (version.matches("[0-9a-fA-F]{4,40}")) {
            String id = library.repository().resolve(version);
            if (id != null) {
                return id;
            }
        }
        throw new InvalidInputException("unknown version '" + version + "'",
                "give a number or a commit from 'ai-config library log'");
    }

    private boolean isRecordedVersion(String commit) {
        return library.versions().read().stream().anyMatch(v -> v.commit().equals(commit));
    }

    private UpdateReport apply(String action, String head, String target, boolean dryRun) {
        GitRepository r = library.repository();
        AuditLog audit = library.audit();
        List<Change> changes = r.diff(head, target);
        int commits = r.isAncestor(head, target) ? r.log(head, target, 100_000).size() : 0;
        List<String> added = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (Change c : changes) {
            (c.kind() == Change.Kind.ADDED ? added : c.kind() == Change.Kind.DELETED ? deleted : modified).add(c.path());
        }
        Set<String> changedPaths = new HashSet<>();
        changes.forEach(c -> changedPaths.add(c.path()));
        List<String> local = r.localChanges();
        List<String> overlap = local.stream().filter(p -> changedPaths.contains(p) || underChanged(p, changedPaths)).sorted().toList();
        List<String> kept = local.stream().filter(p -> !overlap.contains(p)).sorted().toList();
        List<String> shadowed = changes.stream().map(Change::path)
                .filter(p -> Files.isRegularFile(home.personal().resolve(p))).sorted().toList();
        UpdateReport report = new UpdateReport(action, head, target, commits, added, modified, deleted, shadowed, kept,
                overlap, false, null, 0);
        if (dryRun) {
            return report;
        }
        if (!overlap.isEmpty()) {
            audit.record("library " + action, "conflict", overlap.size() + " file(s) edited locally and changed upstream",
                    Library.details("from", head, "to", target, "files", overlap));
            throw new LibraryConflictException(action + " stopped: " + overlap.size() + " file(s) in library/ have local edits "
                    + "and changed in " + report.range() + "; nothing was changed:\n  " + String.join("\n  ", overlap),
                    "your version stays in library/; the new one is shown by 'ai-config library diff PATH'. "
                            + "Copy your edits to personal/PATH (personal files win over the library) and discard them in "
                            + "library/ with 'git -C " + home.library() + " checkout -- PATH', then run " + action + " again",
                    overlap, report);
        }
        int number = nextBackupNumber(r);
        String backupRef = BACKUP_REFS + number;
        r.updateRef(backupRef, head);
        Path snapshot = snapshots.save(number, local);
        // A journal: if this process dies before the end, the next run puts everything back.
        AtomicFiles.writeString(journal(), action + " " + head + " " + target + " " + number + "\n");
        try {
            library.faultInjector().reached(action + "-before-move");
            r.moveTo(target);
            library.faultInjector().reached(action + "-after-move");
            VersionLog.Version v = library.versions().append(library.now(), action, target, head, r.commit(target).subject(),
                    added.size(), modified.size(), deleted.size());
            rememberDeletedOverrides(deleted);
            audit.record("library " + action, "ok", report.range() + ": " + added.size() + " added, " + modified.size()
                            + " modified, " + deleted.size() + " deleted",
                    Library.details("from", head, "to", target, "version", v.number(), "backup_ref", backupRef,
                            "shadowed", shadowed));
            snapshots.discard(snapshot);
            deleteJournal();
            return new UpdateReport(action, head, target, commits, added, modified, deleted, shadowed, kept, List.of(),
                    true, backupRef, v.number());
        } catch (RuntimeException e) {
            String restored = restore(head, snapshot);
            deleteJournal();
            audit.record("library " + action, "rolled back", e.getMessage(), Library.details("from", head, "to", target,
                    "backup_ref", backupRef));
            String what = e instanceof ToolkitException ? e.getMessage() : e.toString();
            if (e instanceof GitConflictException gc) {
                throw new LibraryConflictException(action + " stopped: " + what + "; " + restored, gc.hint(), gc.paths(), report);
            }
            throw new OperationFailedException(action + " failed: " + what + "; " + restored,
                    "nothing was lost; run 'ai-config health', then try again", e);
        }
    }

    private static boolean underChanged(String local, Set<String> changed) {
        // an untracked folder reported as "dir/" or a file whose folder became a file upstream
        for (String c : changed) {
            if (c.startsWith(local.endsWith("/") ? local : local + "/") || local.startsWith(c + "/")) {
                return true;
            }
        }
        return false;
    }

    private int nextBackupNumber(GitRepository r) {
        int max = 0;
        for (String ref : r.refs(BACKUP_REFS).keySet()) {
            try {
                max = Math.max(max, Integer.parseInt(ref.substring(BACKUP_REFS.length())));
            } catch (NumberFormatException ignored) {
                // someone else's ref
            }
        }
        return max + 1;
    }

    private void rememberDeletedOverrides(List<String> deleted) {
        List<String> orphans = deleted.stream().filter(p -> Files.isRegularFile(home.personal().resolve(p))).toList();
        if (orphans.isEmpty()) {
            return;
        }
        Set<String> all = new TreeSet<>(Library.readLines(home.orphansFile()));
        all.addAll(orphans);
        AtomicFiles.writeString(home.orphansFile(), String.join("\n", all) + "\n");
    }

    // ---------------------------------------------------------------- journal and recovery

    private Path journal() {
        return home.meta().resolve("in-progress");
    }

    private void deleteJournal() {
        try {
            Files.deleteIfExists(journal());
        } catch (IOException ignored) {
            // the next run recovers, which is harmless when nothing is left to recover
        }
    }

    /** True when an update or rollback was interrupted (the process was killed) and not yet recovered. */
    boolean interrupted() {
        return Files.isRegularFile(journal());
    }

    /** Puts back what an interrupted run changed; returns what was done, or null when nothing was interrupted. */
    String recoverInterrupted() {
        if (!interrupted()) {
            return null;
        }
        try (Lock lock = lock()) {
            return recoverLocked();
        }
    }

    private String recoverLocked() {
        if (!interrupted()) {
            return null;
        }
        String[] f;
        try {
            f = Files.readString(journal()).strip().split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal() + ": " + e.getMessage(), e);
        }
        if (f.length < 4) {
            deleteJournal();
            return null;
        }
        String message = "an interrupted " + f[0] + " was undone: " + restore(f[1], snapshots.folder(f[3]));
        deleteJournal();
        library.audit().record("library recover", "rolled back", message, Library.details("from", f[1], "to", f[2]));
        return message;
    }

    /** Puts library/ back at {@code head} with the local edits of the snapshot, byte for byte. */
    private String restore(String head, Path snapshot) {
        try {
            GitRepository r = library.repository();
            r.forceTo(head);
            int files = snapshots.restore(snapshot);
            snapshots.discard(snapshot);
            return "rolled library/ back to " + UpdateReport.shortId(head) + (files > 0 ? " and restored " + files + " local edit(s)" : "");
        } catch (RuntimeException again) {
            return "automatic rollback failed too (" + again.getMessage() + "); your version is in ref "
                    + "refs/ai-config/backups and local edits in " + snapshot;
        }
    }

    // ---------------------------------------------------------------- lock

    /** One update at a time per library home. */
    private Lock lock() {
        try {
            Files.createDirectories(home.meta());
            FileChannel channel = FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                channel.close();
                throw new OperationFailedException("another ai-config is changing the library right now",
                        "wait for it to finish and run again");
            }
            FileLock held = l;
            return () -> {
                try {
                    held.release();
                    channel.close();
                } catch (IOException ignored) {
                    // released when the process ends anyway
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + home.lockFile() + ": " + e.getMessage(), e);
        }
    }

    private interface Lock extends AutoCloseable {
        @Override
        void close();
    }
}
