package dev.ailab.sources.git;

import dev.ailab.sources.SourceHandler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The one entry point for bringing a git repository to this machine. Every clone the toolkit
 * makes goes through here:
 * <ul>
 *   <li>ai-config's library ({@code dev.ailab.sources.library.Library}): {@link #cloneBranch} for
 *       {@code init}, {@link #open} for the working copy that updates move, {@link #lsRemote} for
 *       {@code health};</li>
 *   <li>a template from a git URL ({@code ai-lab create-project --template URL --vcs-ref REF} and
 *       {@code ai-lab template show}): {@link #checkout}, one branch, tag or commit, for reading;</li>
 *   <li>a folder that mirrors a branch (vectorweight's airgapped git mirror): {@link #handler},
 *       the git {@link SourceHandler}.</li>
 * </ul>
 *
 * <p><b>Which client.</b> {@link #detect} picks the {@code git} command when it is on the
 * {@code PATH} of the given environment (it clones 10,000 files four times faster than JGit) and
 * JGit otherwise. {@code AI_CONFIG_GIT=jgit} forces JGit; {@code AI_CONFIG_GIT=git} (or
 * {@code auto}, the default) takes the command when there is one. {@code AI_CONFIG_GIT_TIMEOUT}
 * (seconds, default 600) bounds a network operation.
 *
 * <p><b>Authentication.</b> Every remote operation takes a {@link GitAuth} ({@link GitAuth#none()}
 * for the user's own defaults). An encrypted SSH key's passphrase is asked for and checked once
 * before connecting ({@link SshKeys#unlock}); then the {@code git} command gets the secrets through
 * a short-lived askpass helper in its environment, never its arguments, and JGit through a
 * credentials provider and its own SSH session factory.
 *
 * <p>Loading this class does not load JGit: a command that never clones with JGit does not pay
 * for the signature check of JGit's jar.
 */
public final class GitSources {
    private final GitClient client;

    private GitSources(GitClient client) {
        this.client = client;
    }

    /** The client the environment asks for; see the class comment. */
    public static GitSources detect(Map<String, String> env) {
        String forced = env.getOrDefault("AI_CONFIG_GIT", "auto");
        Duration timeout = Duration.ofSeconds(parseLong(env.get("AI_CONFIG_GIT_TIMEOUT"), 600));
        if (!forced.equals("jgit")) {
            String git = findExecutable(env.getOrDefault("PATH", ""), "git");
            if (git != null) {
                return new GitSources(new CommandGit(git, env, timeout));
            }
        }
        return new GitSources(new JGitClient(timeout));
    }

    /** Goes through {@code client} instead of choosing one: for tests, and callers that hold one. */
    public static GitSources using(GitClient client) {
        return new GitSources(client);
    }

    /** The chosen implementation. */
    public GitClient client() {
        return client;
    }

    /** {@code git} or {@code jgit}. */
    public String clientName() {
        return client.name();
    }

    /**
     * Clones {@code branch} of {@code url} into {@code target}, which must not exist, to be
     * followed later by fetches ({@code depth} 0: full history).
     */
    public void cloneBranch(String url, String branch, int depth, Path target, GitAuth auth, GitProgress progress) {
        client.cloneRepository(url, branch, depth, target, auth, progress);
    }

    /**
     * Clones {@code url} into the empty or missing folder {@code into} at {@code ref} (a branch, a
     * tag or a commit id; null for the default branch), for reading. Returns the commit checked out.
     */
    public String checkout(String url, String ref, Path into, GitAuth auth, GitProgress progress) {
        return client.checkout(url, ref, into, auth == null ? GitAuth.none() : auth,
                progress == null ? GitProgress.NONE : progress);
    }

    /** The working copy at {@code dir}, made by {@link #cloneBranch}. */
    public GitClient.GitRepository open(Path dir) {
        return client.open(dir);
    }

    /** The remote's branches (name to commit id): a cheap reachability and credentials check. */
    public Map<String, String> lsRemote(String url, GitAuth auth) {
        return client.lsRemote(url, auth);
    }

    /** The git {@link SourceHandler}: makes a folder hold a branch, cloning it first or following it after. */
    public SourceHandler handler(GitAuth auth, GitProgress progress) {
        return new GitSourceHandler(this, auth, progress);
    }

    /**
     * Commits exactly the files of {@code dir} on {@code branch} (initialising the repository
     * first), deterministically: fixed author and time, so equal files on equal history give
     * equal commit ids. Always through JGit, which needs no git installed or configured.
     */
    public String commitFolder(Path dir, String branch, String message, String author, String email, long epochSeconds) {
        return jgit().commitFolder(dir, branch, message, author, email, epochSeconds);
    }

    /** Pushes {@code branch} of the repository at {@code dir} to {@code url}. */
    public void pushBranch(Path dir, String url, String branch, GitAuth auth) {
        jgit().pushBranch(dir, url, branch, auth == null ? GitAuth.none() : auth);
    }

    private JGitClient jgit() {
        return client instanceof JGitClient j ? j : new JGitClient(Duration.ofMinutes(10));
    }

    static String findExecutable(String path, String name) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static long parseLong(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
