package dev.ailab.sources.library;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.error.ToolkitException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.sources.git.GitAuth;
import dev.ailab.sources.git.GitClient;
import dev.ailab.sources.git.GitClient.Change;
import dev.ailab.sources.git.GitClient.GitRepository;
import dev.ailab.sources.git.GitConflictException;
import dev.ailab.sources.git.GitErrors;
import dev.ailab.sources.git.GitProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * ai-config's library: a git working copy of a shared repository ({@code library/}) overlaid with
 * the user's own files ({@code personal/}). Updates keep local edits, stop on conflicts without
 * touching anything, record every version and roll back by themselves when they fail.
 *
 * <p>Plain domain code: no console, no picocli. The CLI renders what these methods return.
 */
public final class Library {
    /** Marker file that makes a repository an ai-config library. */
    public static final String MANIFEST = "library.yaml";
    /** Newest manifest format this version understands. */
    public static final int FORMAT = 1;
    static final String BACKUP_REFS = "refs/ai-config/backups/";

    /** Lets tests make an operation fail at a named point. */
    @FunctionalInterface
    public interface FaultInjector {
        FaultInjector NONE = point -> { };

        void reached(String point);
    }

    /** Where a file of the effective view comes from. */
    public enum Origin {
        LIBRARY, PERSONAL, OVERRIDE;

        public String label() {
            return switch (this) {
                case LIBRARY -> "library";
                case PERSONAL -> "personal";
                case OVERRIDE -> "personal (overrides library)";
            };
        }
    }

    /** One file of the effective view. */
    public record EffectiveFile(String path, Origin origin, long size) {
    }

    /** One line found by {@link #search}. */
    public record Match(String path, Origin origin, int line, String text) {
    }

    /** A file's effective content. */
    public record Shown(String path, Origin origin, Path file, byte[] content) {
    }

    /** Result of {@link #init}. */
    public record InitResult(boolean created, String url, String branch, String commit, String summary, Path library,
                             String client, long millis) {
    }

    /** What {@link #status} reports. */
    public record Status(String branch, String head, String headSummary, String fetched, List<Change> pending,
                         List<String> localEdits, List<String> overrides, List<String> orphanedOverrides,
                         int files, VersionLog.Version current) {
    }

    private final LibraryHome home;
    private final GitClient git;
    private String branch;
    private final AuditLog audit;
    private final Clock clock;
    private FaultInjector faults = FaultInjector.NONE;
    private GitRepository repo;

    public Library(LibraryHome home, GitClient git, String branch, AuditLog audit, Clock clock) {
        this.home = home;
        this.git = git;
        this.branch = branch == null || branch.isBlank() ? "main" : branch;
        this.audit = audit;
        this.clock = clock;
        // The branch chosen at init wins over the config afterwards: updates follow what was cloned.
        Path recorded = home.meta().resolve("branch");
        if (Files.isRegularFile(recorded)) {
            try {
                String b = Files.readString(recorded).strip();
                if (!b.isEmpty()) {
                    this.branch = b;
                }
            } catch (IOException ignored) {
                // fall back to the configured branch
            }
        }
    }

    public Library faults(FaultInjector faults) {
        this.faults = faults;
        return this;
    }

    public LibraryHome home() {
        return home;
    }

    public GitClient gitClient() {
        return git;
    }

    public String branch() {
        return branch;
    }

    public boolean isPresent() {
        return Files.isDirectory(home.library().resolve(".git"));
    }

    public VersionLog versions() {
        return new VersionLog(home.versionsFile());
    }

    /** The working copy; fails with a clear message when the library is missing or broken. */
    public GitRepository repository() {
        if (repo == null) {
            if (!Files.exists(home.library())) {
                throw new OperationFailedException("no library at " + home.library(),
                        "run 'ai-config init REPO_URL' to clone it (or pass --home to point at another one)");
            }
            repo = git.open(home.library());
        }
        return repo;
    }

    // ---------------------------------------------------------------- init

    /**
     * Clones {@code url} into library/. The clone goes to a temporary folder beside it and is
     * moved into place only once it is complete and is a library, so a failure changes nothing.
     */
    public InitResult init(String url, int depth, GitAuth auth, GitProgress progress) {
        long start = System.nanoTime();
        if (isPresent()) {
            GitRepository r = repository();
            String head = r.resolve("HEAD");
            audit.record("init", "unchanged", "library already present", Map.of("library", home.library().toString()));
            return new InitResult(false, GitErrors.redact(r.remoteUrl()), branch, head, r.commit(head).subject(),
                    home.library(), git.name(), 0);
        }
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("no library repository given",
                    "pass the URL: ai-config init REPO_URL, or set library.repository in the config");
        }
        Path library = home.library();
        if (Files.exists(library)) {
            throw new OperationFailedException(library + " exists but is not a git clone; nothing was changed",
                    "move it away (or pass --home to use another folder) and run init again");
        }
        Path temp = home.home().resolve(".library-clone-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createDirectories(home.home());
            git.cloneRepository(url, branch, depth, temp, auth, progress);
            checkManifest(temp, url);
            faults.reached("init-before-move");
            Files.move(temp, library, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.createDirectories(home.personal());
            Files.createDirectories(home.meta());
            AtomicFiles.writeString(home.meta().resolve("branch"), branch + "\n");
            GitRepository r = repository();
            String head = r.resolve("HEAD");
            GitClient.Commit c = r.commit(head);
            versions().append(now(), "init", head, null, c.subject(), 0, 0, 0);
            long millis = (System.nanoTime() - start) / 1_000_000;
            audit.record("init", "ok", "cloned " + GitErrors.redact(url), details("commit", head, "branch", branch,
                    "client", git.name(), "millis", millis));
            return new InitResult(true, GitErrors.redact(url), branch, head, c.subject(), library, git.name(), millis);
        } catch (IOException e) {
            audit.record("init", "failed", e.getMessage(), Map.of());
            throw new UncheckedIOException("cannot create the library in " + home.home() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            audit.record("init", "failed", e.getMessage(), Map.of("url", GitErrors.redact(url)));
            throw e;
        } finally {
            deleteTree(temp);
        }
    }

    private static void checkManifest(Path dir, String url) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new InvalidInputException(GitErrors.redact(url) + " is not an ai-config library: it has no "
                    + MANIFEST + " at its root; nothing was changed",
                    "check the URL; a library repository declares itself with a " + MANIFEST + " file (name: ..., format: 1)");
        }
        dev.ailab.core.config.YamlSource source = dev.ailab.core.config.YamlSource.read(manifest);
        if (!source.parsed()) {
            dev.ailab.core.config.ConfigProblem p = source.problems().get(0);
            throw new InvalidInputException(MANIFEST + " of " + GitErrors.redact(url) + " is not valid YAML (line " + p.line()
                    + ", column " + p.column() + ": " + p.message() + ")", "fix the manifest in the library repository: " + p.hint());
        }
        try {
            JsonNode node = ConfigMapper.yaml().readTree(manifest.toFile());
            JsonNode format = node == null ? null : node.get("format");
            if (format != null && format.asInt(FORMAT) > FORMAT) {
                throw new InvalidInputException(MANIFEST + " of " + GitErrors.redact(url) + " has format "
                        + format.asInt() + ", newer than this ai-config understands (" + FORMAT + ")",
                        "upgrade ai-config");
            }
        } catch (IOException e) {
            throw new InvalidInputException(MANIFEST + " of " + GitErrors.redact(url) + " is not valid YAML",
                    "fix the manifest in the library repository");
        }
    }

    // ---------------------------------------------------------------- update / rollback

    /** Fetches the branch and applies what changed; see the class comment for the guarantees. */
    public UpdateReport update(boolean dryRun, GitAuth auth, GitProgress progress) {
        try (Lock lock = lock()) {
            GitRepository r = repository();
            if (!dryRun) {
                recoverLocked();
            }
            String head = requireHead(r);
            String upstream = r.fetch(branch, auth, progress);
            if (head.equals(upstream)) {
                UpdateReport report = new UpdateReport("update", head, upstream, 0, List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of(), false, null, 0);
                audit.record("library update", "ok", "already up to date", details("commit", head));
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

    /**
     * Returns the library to an earlier applied version: {@code version} is its number in
     * {@link #versions()} or a commit id prefix; null means the version before the current one.
     */
    public UpdateReport rollback(String version, boolean dryRun) {
        try (Lock lock = lock()) {
            GitRepository r = repository();
            if (!dryRun) {
                recoverLocked();
            }
            String head = requireHead(r);
            String target = resolveVersion(version, head);
            if (target.equals(head)) {
                throw new InvalidInputException("the library is already at " + UpdateReport.shortId(head),
                        "see 'ai-config library log' for the versions you can return to");
            }
            return apply("rollback", head, target, dryRun);
        }
    }

    private String resolveVersion(String version, String head) {
        List<VersionLog.Version> all = versions().read();
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
            String id = repository().resolve(version);
            if (id != null) {
                return id;
            }
        }
        throw new InvalidInputException("unknown version '" + version + "'",
                "give a number or a commit from 'ai-config library log'");
    }

    private boolean isRecordedVersion(String commit) {
        return versions().read().stream().anyMatch(v -> v.commit().equals(commit));
    }

    private UpdateReport apply(String action, String head, String target, boolean dryRun) {
        GitRepository r = repository();
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
                    details("from", head, "to", target, "files", overlap));
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
        Path snapshot = snapshotLocalEdits(number, local);
        // A journal: if this process dies before the end, the next run puts everything back.
        AtomicFiles.writeString(journal(), action + " " + head + " " + target + " " + number + "\n");
        try {
            faults.reached(action + "-before-move");
            r.moveTo(target);
            faults.reached(action + "-after-move");
            VersionLog.Version v = versions().append(now(), action, target, head, r.commit(target).subject(),
                    added.size(), modified.size(), deleted.size());
            rememberDeletedOverrides(deleted);
            audit.record("library " + action, "ok", report.range() + ": " + added.size() + " added, " + modified.size()
                            + " modified, " + deleted.size() + " deleted",
                    details("from", head, "to", target, "version", v.number(), "backup_ref", backupRef,
                            "shadowed", shadowed));
            deleteTree(snapshot);
            deleteJournal();
            return new UpdateReport(action, head, target, commits, added, modified, deleted, shadowed, kept, List.of(),
                    true, backupRef, v.number());
        } catch (RuntimeException e) {
            String restored = restore(head, snapshot);
            deleteJournal();
            audit.record("library " + action, "rolled back", e.getMessage(), details("from", head, "to", target,
                    "backup_ref", backupRef));
            String what = e instanceof ToolkitException ? e.getMessage() : e.toString();
            if (e instanceof GitConflictException gc) {
                throw new LibraryConflictException(action + " stopped: " + what + "; " + restored, gc.hint(), gc.paths(), report);
            }
            throw new OperationFailedException(action + " failed: " + what + "; " + restored,
                    "nothing was lost; run 'ai-config health', then try again", e);
        }
    }

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
    public boolean interrupted() {
        return Files.isRegularFile(journal());
    }

    /**
     * Puts the library back as it was before an interrupted update or rollback: the commit
     * before it and the local edits saved with it. Returns what was done, or null when nothing
     * was interrupted. Update and rollback call it first.
     */
    public String recoverInterrupted() {
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
        String message = "an interrupted " + f[0] + " was undone: " + restore(f[1], home.snapshots().resolve(f[3]));
        deleteJournal();
        audit.record("library recover", "rolled back", message, details("from", f[1], "to", f[2]));
        return message;
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

    /** Puts library/ back at {@code head} with the local edits of the snapshot, byte for byte. */
    private String restore(String head, Path snapshot) {
        try {
            GitRepository r = repository();
            r.forceTo(head);
            int files = restoreSnapshot(snapshot);
            deleteTree(snapshot);
            return "rolled library/ back to " + UpdateReport.shortId(head) + (files > 0 ? " and restored " + files + " local edit(s)" : "");
        } catch (RuntimeException again) {
            return "automatic rollback failed too (" + again.getMessage() + "); your version is in ref "
                    + "refs/ai-config/backups and local edits in " + snapshot;
        }
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

    /** Copies every locally edited file of library/ (and notes deleted ones) so a rollback can put them back. */
    private Path snapshotLocalEdits(int number, Collection<String> local) {
        Path dir = home.snapshots().resolve(Integer.toString(number));
        try {
            deleteTree(dir);
            Files.createDirectories(dir.resolve("files"));
            List<String> missing = new ArrayList<>();
            for (String p : local) {
                Path src = home.library().resolve(p);
                if (Files.isRegularFile(src)) {
                    Path dst = dir.resolve("files").resolve(p);
                    Files.createDirectories(dst.getParent());
                    Files.copy(src, dst, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                } else if (Files.isDirectory(src)) {
                    try (Stream<Path> walk = Files.walk(src)) {
                        for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                            Path dst = dir.resolve("files").resolve(LibraryIndex.relative(home.library(), f));
                            Files.createDirectories(dst.getParent());
                            Files.copy(f, dst, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    }
                } else {
                    missing.add(p);
                }
            }
            AtomicFiles.writeString(dir.resolve("deleted.txt"), String.join("\n", missing));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save local edits before the update (nothing was changed): "
                    + e.getMessage(), e);
        }
    }

    private int restoreSnapshot(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        int[] count = {0};
        try {
            Path files = dir.resolve("files");
            try (Stream<Path> walk = Files.walk(files)) {
                for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    Path target = home.library().resolve(LibraryIndex.relative(files, f));
                    AtomicFiles.write(target, Files.readAllBytes(f));
                    count[0]++;
                }
            }
            Path deleted = dir.resolve("deleted.txt");
            if (Files.exists(deleted)) {
                for (String p : Files.readAllLines(deleted)) {
                    if (!p.isBlank()) {
                        Files.deleteIfExists(home.library().resolve(p));
                        count[0]++;
                    }
                }
            }
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rememberDeletedOverrides(List<String> deleted) {
        List<String> orphans = deleted.stream().filter(p -> Files.isRegularFile(home.personal().resolve(p))).toList();
        if (orphans.isEmpty()) {
            return;
        }
        Set<String> all = new TreeSet<>(readLines(home.orphansFile()));
        all.addAll(orphans);
        AtomicFiles.writeString(home.orphansFile(), String.join("\n", all) + "\n");
    }

    private static List<String> readLines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f).stream().filter(s -> !s.isBlank()).toList() : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String requireHead(GitRepository r) {
        String head = r.resolve("HEAD");
        if (head == null) {
            throw new OperationFailedException("library/ has no current commit", "run 'ai-config health'");
        }
        return head;
    }

    // ---------------------------------------------------------------- views

    /** Refreshes and saves the index; cheap when nothing changed. */
    public LibraryIndex index() {
        return index(true);
    }

    private LibraryIndex index(boolean namesOnly) {
        LibraryIndex index = LibraryIndex.load(home.indexFile());
        index.refresh(home.library(), home.personal(), namesOnly);
        index.saveIfChanged();
        return index;
    }

    /** The effective view (library overlaid with personal), filtered by an optional glob. */
    public List<EffectiveFile> list(String glob) {
        return list(glob, true);
    }

    private List<EffectiveFile> list(String glob, boolean namesOnly) {
        LibraryIndex index = index(namesOnly);
        PathMatcher matcher = matcher(glob);
        Map<String, EffectiveFile> view = new java.util.TreeMap<>();
        for (LibraryIndex.Entry e : index.library().values()) {
            if (matches(matcher, glob, e.path())) {
                view.put(e.path(), new EffectiveFile(e.path(), Origin.LIBRARY, e.size()));
            }
        }
        for (LibraryIndex.Entry e : index.personal().values()) {
            if (matches(matcher, glob, e.path())) {
                Origin o = index.library().containsKey(e.path()) ? Origin.OVERRIDE : Origin.PERSONAL;
                view.put(e.path(), new EffectiveFile(e.path(), o, e.size()));
            }
        }
        return new ArrayList<>(view.values());
    }

    private static PathMatcher matcher(String glob) {
        if (glob == null || glob.isBlank()) {
            return null;
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid glob '" + glob + "': " + e.getMessage(),
                    "use * for any name, ** for any folders, ? for one character, e.g. 'prompts/**/*.md'");
        }
    }

    private static boolean matches(PathMatcher m, String glob, String path) {
        if (m == null) {
            return true;
        }
        Path p = Path.of(path);
        return m.matches(p) || !glob.contains("/") && m.matches(p.getFileName());
    }

    /**
     * Lines of the effective view containing {@code text}. With the git command, library/ is
     * searched by {@code git grep} (multi-threaded, reads only the working tree); personal/ and the
     * JGit fallback are searched here.
     */
    public List<Match> search(String text, boolean ignoreCase, String glob) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("nothing to search for", "give the text: ai-config library search TEXT");
        }
        PathMatcher matcher = matcher(glob);
        List<GitClient.GrepHit> hits = isPresent() ? repository().grep(text, ignoreCase) : null;
        if (hits == null) {
            return searchFiles(list(glob, true), text, ignoreCase);
        }
        List<EffectiveFile> personal = new ArrayList<>();
        Set<String> personalPaths = new HashSet<>();
        if (Files.isDirectory(home.personal())) {
            try (Stream<Path> walk = Files.walk(home.personal())) {
                walk.filter(Files::isRegularFile).forEach(f -> {
                    String rel = LibraryIndex.relative(home.personal(), f);
                    if (rel.startsWith(".st") || rel.equals(".DS_Store")) {
                        return;
                    }
                    personalPaths.add(rel);
                    if (matches(matcher, glob, rel)) {
                        Origin o = Files.isRegularFile(home.library().resolve(rel)) ? Origin.OVERRIDE : Origin.PERSONAL;
                        personal.add(new EffectiveFile(rel, o, 0));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + home.personal() + ": " + e.getMessage(), e);
            }
        }
        List<Match> found = new ArrayList<>(searchFiles(personal, text, ignoreCase));
        for (GitClient.GrepHit h : hits) {
            if (!personalPaths.contains(h.path()) && matches(matcher, glob, h.path())) {
                found.add(new Match(h.path(), Origin.LIBRARY, h.line(), h.text().strip()));
            }
        }
        found.sort(Comparator.comparing(Match::path).thenComparingInt(Match::line));
        return found;
    }

    private List<Match> searchFiles(List<EffectiveFile> files, String text, boolean ignoreCase) {
        String needle = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        return files.parallelStream().flatMap(f -> {
            Path file = (f.origin() == Origin.LIBRARY ? home.library() : home.personal()).resolve(f.path());
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (isBinary(bytes)) {
                    return Stream.empty();
                }
                List<Match> found = new ArrayList<>();
                String content = new String(bytes, StandardCharsets.UTF_8);
                String hay = ignoreCase ? content.toLowerCase(Locale.ROOT) : content;
                int from = 0;
                int line = 1;
                int lineStart = 0;
                int scanned = 0;
                int idx;
                while ((idx = hay.indexOf(needle, from)) >= 0) {
                    for (int i = scanned; i < idx; i++) {
                        if (content.charAt(i) == '\n') {
                            line++;
                            lineStart = i + 1;
                        }
                    }
                    scanned = idx;
                    int end = content.indexOf('\n', idx);
                    end = end < 0 ? content.length() : end;
                    found.add(new Match(f.path(), f.origin(), line, content.substring(lineStart, end).strip()));
                    from = end + 1;
                    if (from > content.length()) {
                        break;
                    }
                }
                return found.stream();
            } catch (IOException e) {
                return Stream.empty();
            }
        }).sorted(Comparator.comparing(Match::path).thenComparingInt(Match::line)).toList();
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The effective content of one file. */
    public Shown show(String path) {
        String rel = safeRelative(path);
        Path personal = home.personal().resolve(rel);
        Path library = home.library().resolve(rel);
        try {
            if (Files.isRegularFile(personal)) {
                return new Shown(rel, Files.isRegularFile(library) ? Origin.OVERRIDE : Origin.PERSONAL, personal,
                        Files.readAllBytes(personal));
            }
            if (Files.isRegularFile(library) && !rel.startsWith(".git/")) {
                return new Shown(rel, Origin.LIBRARY, library, Files.readAllBytes(library));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rel + ": " + e.getMessage(), e);
        }
        throw new InvalidInputException("no file '" + rel + "' in the library or in personal/",
                "list the files with 'ai-config library list'");
    }

    /** Normalises a path given by the user and refuses one that leaves the library. */
    public static String safeRelative(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("no path given", "give a path relative to the library, e.g. prompts/review.md");
        }
        Path p = Path.of(path).normalize();
        if (p.isAbsolute() || p.startsWith("..") || p.toString().isEmpty()) {
            throw new InvalidInputException("path '" + path + "' is outside the library",
                    "give a path relative to the library, e.g. prompts/review.md");
        }
        return p.toString().replace('\\', '/');
    }

    /** Library vs personal vs local edits vs what the last fetch brought. */
    public Status status() {
        GitRepository r = repository();
        String head = requireHead(r);
        String fetched = r.resolve("refs/remotes/origin/" + branch);
        List<Change> pending = fetched == null || fetched.equals(head) ? List.of() : r.diff(head, fetched);
        List<String> local = r.localChanges().stream().sorted().toList();
        LibraryIndex index = index();
        List<String> overrides = index.personal().keySet().stream().filter(index.library()::containsKey).toList();
        List<String> orphans = orphanedOverrides(index);
        List<VersionLog.Version> all = versions().read();
        VersionLog.Version current = all.stream().filter(v -> v.commit().equals(head)).reduce((a, b) -> b).orElse(null);
        return new Status(branch, head, r.commit(head).subject(), fetched, pending, local, overrides, orphans,
                index.library().size() + (int) index.personal().keySet().stream().filter(p -> !index.library().containsKey(p)).count(),
                current);
    }

    /** Personal files that overrode a library file the upstream has since deleted. */
    public List<String> orphanedOverrides(LibraryIndex index) {
        return readLines(home.orphansFile()).stream()
                .filter(p -> index.personal().containsKey(p) && !index.library().containsKey(p)).toList();
    }

    /** Content of {@code path} in the library's current commit, or null. */
    public byte[] committed(String path) {
        GitRepository r = repository();
        return r.show(requireHead(r), safeRelative(path));
    }

    /** Content of {@code path} at the last fetched upstream commit, or null. */
    public byte[] upstream(String path) {
        GitRepository r = repository();
        String fetched = r.resolve("refs/remotes/origin/" + branch);
        return fetched == null ? null : r.show(fetched, safeRelative(path));
    }

    // ---------------------------------------------------------------- helpers

    private String now() {
        return Instant.now(clock).toString();
    }

    static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i].toString(), kv[i + 1]);
        }
        return m;
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // leftovers of a temporary folder are harmless
        }
    }

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
