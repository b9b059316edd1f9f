package dev.ailab.sources.library;

import dev.ailab.core.error.ToolkitException;
import dev.ailab.sources.git.GitAuth;
import dev.ailab.sources.git.GitClient.GitRepository;
import dev.ailab.sources.git.GitErrors;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The checks behind {@code ai-config health}: each says ok / warning / error and how to fix it. */
public final class LibraryHealth {
    private LibraryHealth() {
    }

    public enum Level { OK, WARNING, ERROR }

    public record Check(String name, Level level, String detail, String fix) {
    }

    /** Runs every check; {@code offline} skips the remote. Never throws for a failed check. */
    public static List<Check> run(Library library, boolean offline, GitAuth auth) {
        List<Check> checks = new ArrayList<>();
        LibraryHome home = library.home();
        boolean present = library.isPresent();
        checks.add(present
                ? new Check("library present", Level.OK, home.library().toString(), null)
                : new Check("library present", Level.ERROR, "no git clone at " + home.library(),
                        "run 'ai-config init REPO_URL' (or pass --home to point at the right folder)"));
        GitRepository repo = null;
        if (present) {
            try {
                repo = library.repository();
                List<String> problems = repo.verify();
                checks.add(problems.isEmpty()
                        ? new Check("git repository valid", Level.OK, "HEAD " + UpdateReport.shortId(repo.resolve("HEAD")), null)
                        : new Check("git repository valid", Level.ERROR, String.join("; ", problems),
                                "move library/ away and run 'ai-config init' again; your personal/ files are not affected"));
            } catch (ToolkitException e) {
                checks.add(new Check("git repository valid", Level.ERROR, e.getMessage(),
                        "move library/ away and run 'ai-config init' again; your personal/ files are not affected"));
                repo = null;
            }
        }
        if (repo != null) {
            String url = repo.remoteUrl();
            if (offline) {
                checks.add(new Check("remote reachable", Level.OK, "skipped (--offline)", null));
            } else {
                try {
                    var heads = library.git().lsRemote(url, auth);
                    checks.add(heads.containsKey(library.branch())
                            ? new Check("remote reachable", Level.OK, GitErrors.redact(url) + " has branch " + library.branch(), null)
                            : new Check("remote reachable", Level.ERROR, "branch " + library.branch() + " is gone from " + GitErrors.redact(url),
                                    "ask the library's maintainers, or init again with --branch"));
                } catch (ToolkitException e) {
                    checks.add(new Check("remote reachable", Level.WARNING, e.getMessage(),
                            e.hint() == null ? "check the network" : e.hint()));
                }
            }
            try {
                List<String> edits = repo.localChanges();
                checks.add(edits.isEmpty()
                        ? new Check("no stray edits in library/", Level.OK, "library/ matches its commit", null)
                        : new Check("no stray edits in library/", Level.WARNING, edits.size() + " file(s) edited in library/: "
                                + String.join(", ", edits.subList(0, Math.min(5, edits.size()))) + (edits.size() > 5 ? ", ..." : ""),
                                "move each edit to personal/ (same path) and run 'git -C " + home.library() + " checkout -- PATH'"));
            } catch (ToolkitException e) {
                checks.add(new Check("no stray edits in library/", Level.ERROR, e.getMessage(), "run 'git status' in library/"));
            }
        }
        if (library.interrupted()) {
            checks.add(new Check("no interrupted update", Level.ERROR, "an update or rollback was interrupted before it finished",
                    "run 'ai-config library update' (or rollback): it first puts the library back as it was, local edits included"));
        } else {
            checks.add(new Check("no interrupted update", Level.OK, "none", null));
        }
        LibraryIndex index = LibraryIndex.load(home.indexFile());
        boolean existed = index.existed();
        LibraryIndex.Refresh refresh = index.refresh(home.library(), home.personal(), true);
        List<String> orphans = library.orphanedOverrides(index);
        checks.add(orphans.isEmpty()
                ? new Check("personal overrides match library files", Level.OK, index.personal().size() + " personal file(s)", null)
                : new Check("personal overrides match library files", Level.WARNING, orphans.size()
                        + " override(s) of files deleted upstream: " + String.join(", ", orphans.subList(0, Math.min(5, orphans.size()))),
                        "delete them from personal/ or keep them as personal files on purpose"));
        // A stale index is refreshed right here, so there is nothing left to fix: ok, saying so.
        checks.add(new Check("index fresh", Level.OK, existed && refresh.fresh() ? refresh.files() + " files, unchanged"
                : existed ? (refresh.added() + refresh.changed() + refresh.removed())
                        + " file(s) changed since the last index; refreshed now" : "no index yet; built now", null));
        index.saveIfChanged();
        checks.add(refresh.millis() < 500
                ? new Check("file discovery time", Level.OK, refresh.files() + " files in " + refresh.millis() + " ms", null)
                : new Check("file discovery time", Level.WARNING, refresh.files() + " files in " + refresh.millis() + " ms",
                        "keep personal/ on a local disk; exclude it from slow network folders"));
        checks.add(disk(home.home()));
        checks.add(permissions(home));
        return checks;
    }

    private static Check disk(Path dir) {
        try {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            FileStore store = Files.getFileStore(existing);
            long free = store.getUsableSpace();
            String detail = (free >> 20) + " MiB free on " + store.name();
            if (free < 20L << 20) {
                return new Check("disk space", Level.ERROR, detail, "free some space: updates need room for backups");
            }
            return free < 200L << 20 ? new Check("disk space", Level.WARNING, detail, "free some space soon")
                    : new Check("disk space", Level.OK, detail, null);
        } catch (IOException | NullPointerException e) {
            return new Check("disk space", Level.WARNING, "cannot tell: " + e.getMessage(), "check the folder exists");
        }
    }

    private static Check permissions(LibraryHome home) {
        List<String> problems = new ArrayList<>();
        for (Path p : List.of(home.home(), home.library(), home.meta())) {
            if (Files.exists(p) && !Files.isWritable(p)) {
                problems.add(p + " is not writable");
            }
        }
        if (Files.exists(home.personal()) && !Files.isReadable(home.personal())) {
            problems.add(home.personal() + " is not readable");
        }
        try {
            if (Files.exists(home.personal())) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(home.personal());
                if (perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                    problems.add(home.personal() + " is writable by every user");
                }
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return problems.isEmpty() ? new Check("permissions", Level.OK, "home writable, personal/ readable", null)
                : new Check("permissions", Level.ERROR, String.join("; ", problems), "fix with chmod / chown");
    }
}
