package dev.ailab.sources.library;

import dev.ailab.core.error.OperationFailedException;
import dev.ailab.sources.git.GitAuth;
import dev.ailab.sources.git.GitClient.Change;
import dev.ailab.sources.git.GitClient.GitRepository;
import dev.ailab.sources.git.GitProgress;
import dev.ailab.sources.git.GitSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ai-config's library: a git working copy of a shared repository ({@code library/}) overlaid with
 * the user's own files ({@code personal/}). Updates keep local edits, stop on conflicts without
 * touching anything, record every version and roll back by themselves when they fail.
 *
 * <p>This class is the library of one home: where it lives, how it reaches git ({@link GitSources}) and which branch it follows,
 * its working copy and its version log. Each job is its own class, and the methods here hand
 * over to them: {@link LibraryInit} (the first clone), {@link LibraryUpdater} (update, rollback,
 * the journal that undoes an interrupted run), {@link LibraryQueries} (list, search, show) and
 * {@link LibraryStatus}.
 *
 * <p>Plain domain code: no console, no picocli. The CLI renders what these methods return.
 */
public final class Library {
    /** Marker file that makes a repository an ai-config library. */
    public static final String MANIFEST = "library.yaml";
    /** Newest manifest format this version understands. */
    public static final int FORMAT = 1;

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
    /** {@code note}: something the user should know that is not an error (a repository without library.yaml), or null. */
    public record InitResult(boolean created, String url, String branch, String commit, String summary, Path library,
                             String client, long millis, String note) {
    }

    /** What {@link #status} reports. */
    public record Status(String branch, String head, String headSummary, String fetched, List<Change> pending,
                         List<String> localEdits, List<String> overrides, List<String> orphanedOverrides,
                         int files, VersionLog.Version current) {
    }

    private final LibraryHome home;
    private final GitSources git;
    private String branch;
    private final AuditLog audit;
    private final Clock clock;
    private FaultInjector faults = FaultInjector.NONE;
    private GitRepository repo;
    private final LibraryUpdater updater;
    private final LibraryQueries queries;

    public Library(LibraryHome home, GitSources git, String branch, AuditLog audit, Clock clock) {
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
        this.updater = new LibraryUpdater(this);
        this.queries = new LibraryQueries(this);
    }

    public Library faults(FaultInjector faults) {
        this.faults = faults;
        return this;
    }

    public LibraryHome home() {
        return home;
    }

    /** How this library reaches git: the chosen client, with credentials applied per call. */
    public GitSources git() {
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


    // ---------------------------------------------------------------- init, update, rollback: LibraryInit, LibraryUpdater

    /**
     * Clones {@code url} into library/. The clone goes to a temporary folder beside it and is
     * moved into place only once it is complete and is a library, so a failure changes nothing.
     */
    public InitResult init(String url, int depth, GitAuth auth, GitProgress progress) {
        return new LibraryInit(this).run(url, depth, auth, progress);
    }

    /** Fetches the branch and applies what changed; see the class comment for the guarantees. */
    public UpdateReport update(boolean dryRun, GitAuth auth, GitProgress progress) {
        return updater.update(dryRun, auth, progress);
    }

    /**
     * Returns the library to an earlier applied version: {@code version} is its number in
     * {@link #versions()} or a commit id prefix; null means the version before the current one.
     */
    public UpdateReport rollback(String version, boolean dryRun) {
        return updater.rollback(version, dryRun);
    }

    /** True when an update or rollback was interrupted (the process was killed) and not yet recovered. */
    public boolean interrupted() {
        return updater.interrupted();
    }

    /**
     * Puts the library back as it was before an interrupted update or rollback: the commit
     * before it and the local edits saved with it. Returns what was done, or null when nothing
     * was interrupted. Update and rollback call it first.
     */
    public String recoverInterrupted() {
        return updater.recoverInterrupted();
    }

    // ---------------------------------------------------------------- views: LibraryQueries, LibraryStatus

    /** Refreshes and saves the index; cheap when nothing changed. */
    public LibraryIndex index() {
        return queries.index();
    }

    /** The effective view (library overlaid with personal), filtered by an optional glob. */
    public List<EffectiveFile> list(String glob) {
        return queries.list(glob);
    }

    /**
     * Lines of the effective view containing {@code text}. With the git command, library/ is
     * searched by {@code git grep}; personal/ and the JGit fallback are searched file by file.
     */
    public List<Match> search(String text, boolean ignoreCase, String glob) {
        return queries.search(text, ignoreCase, glob);
    }

    /** The effective content of one file. */
    public Shown show(String path) {
        return queries.show(path);
    }

    /** Normalises a path given by the user and refuses one that leaves the library. */
    public static String safeRelative(String path) {
        return LibraryQueries.safeRelative(path);
    }

    /** Content of {@code path} in the library's current commit, or null. */
    public byte[] committed(String path) {
        return queries.committed(path);
    }

    /** Content of {@code path} at the last fetched upstream commit, or null. */
    public byte[] upstream(String path) {
        return queries.upstream(path);
    }

    /** Library vs personal vs local edits vs what the last fetch brought. */
    public Status status() {
        return new LibraryStatus(this).status();
    }

    /** Personal files that overrode a library file the upstream has since deleted. */
    public List<String> orphanedOverrides(LibraryIndex index) {
        return new LibraryStatus(this).orphanedOverrides(index);
    }

    // ---------------------------------------------------------------- what the jobs share

    AuditLog audit() {
        return audit;
    }

    FaultInjector faultInjector() {
        return faults;
    }

    String now() {
        return Instant.now(clock).toString();
    }

    static String requireHead(GitRepository r) {
        String head = r.resolve("HEAD");
        if (head == null) {
            throw new OperationFailedException("library/ has no current commit", "run 'ai-config health'");
        }
        return head;
    }

    static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i].toString(), kv[i + 1]);
        }
        return m;
    }

    /** The non-blank lines of {@code f}; none when it is missing or unreadable. */
    static List<String> readLines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f).stream().filter(s -> !s.isBlank()).toList() : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
