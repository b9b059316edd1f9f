package dev.ailab.sources.git;

import dev.ailab.core.error.OperationFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Keeps a generated folder as the history of one branch of a remote: commits what changed and
 * pushes it, fast-forward only. A remote branch that holds an earlier push of this folder is
 * moved forward; a remote with unrelated history, or with commits the folder does not have, is
 * refused and left as it is. Nothing is ever forced.
 */
public final class FolderPublisher {
    /** The folder's own bookkeeping, never committed. */
    private final List<String> excluded;
    private final GitSources git;
    private final String author;
    private final String email;

    public FolderPublisher(GitSources git, List<String> excluded, String author, String email) {
        this.git = git;
        this.excluded = List.copyOf(excluded);
        this.author = author;
        this.email = email;
    }

    /** What {@link #publish} did. {@code committed}: the commit made for the folder's changes (null: none). */
    public record Published(String url, String branch, String commit, String committed, boolean pushed) {
    }

    /**
     * Where the folder stands against the remote branch. {@code remoteCommit} null: the branch is
     * not there yet; {@code uncommitted}: files changed since the folder's last commit.
     */
    public record Status(String url, String branch, boolean repository, String localCommit, String remoteCommit,
                         int ahead, int behind, int uncommitted, boolean related) {
        public boolean pushed() {
            return repository && localCommit != null && localCommit.equals(remoteCommit) && uncommitted == 0;
        }
    }

    /** Commits the folder's changes (if any) and pushes them to {@code branch} of {@code url}. */
    public Published publish(Path dir, String url, String branch, String message, GitAuth auth, GitProgress progress) {
        GitClient.GitRepository repo = git.client().initRepository(dir, branch, url, excluded);
        String committed = repo.commitAll(message, author, email);
        String local = repo.resolve("HEAD");
        if (local == null) {
            throw new OperationFailedException(dir + " holds no files to push", "generate the repository first");
        }
        Map<String, String> heads = git.lsRemote(url, auth);
        String remote = heads.get(branch);
        if (remote == null && !heads.isEmpty()) {
            throw unrelated(url, branch, "it has the branches " + String.join(", ", heads.keySet()) + " but no " + branch);
        }
        if (remote != null && !remote.equals(local)) {
            repo.fetch(branch, auth, progress);
            if (!repo.isAncestor(remote, local)) {
                if (repo.mergeBase(remote, local) == null) {
                    throw unrelated(url, branch, "its branch " + branch + " does not contain an earlier push of " + dir);
                }
                int theirs = repo.log(local, remote, 10_000).size();
                throw new OperationFailedException("refused to push " + dir + " to " + GitErrors.redact(url) + ": its branch "
                        + branch + " has " + theirs + " commit(s) that " + dir + " does not (the push would not fast-forward;"
                        + " nothing was pushed, nothing is ever forced)",
                        "bring those commits into the folder first (git -C " + dir + " pull --ff-only origin " + branch
                                + ", or merge them), then run again");
            }
        }
        GitClient.PushResult result = remote != null && remote.equals(local) ? GitClient.PushResult.UP_TO_DATE
                : repo.push(branch, auth, progress);
        if (result == GitClient.PushResult.REJECTED) {
            throw new OperationFailedException("refused to push " + dir + " to " + GitErrors.redact(url) + ": the remote "
                    + "branch " + branch + " moved and the push would not fast-forward (nothing was pushed, nothing is ever forced)",
                    "run 'vectorweight repos status' to see the difference, bring the remote commits in, then run again");
        }
        return new Published(url, branch, local, committed, result == GitClient.PushResult.PUSHED);
    }

    private static OperationFailedException unrelated(String url, String branch, String why) {
        return new OperationFailedException("refused to push to " + GitErrors.redact(url) + ": the repository already exists "
                + "with unrelated history (" + why + "); nothing was pushed",
                "use an empty repository: delete or rename that one on GitHub, or choose another github.owner or project_name");
    }

    /** The folder against {@code branch} of {@code url} (fetches it when it is there; changes no file). */
    public Status status(Path dir, String url, String branch, GitAuth auth) {
        if (!Files.isDirectory(dir.resolve(".git"))) {
            Map<String, String> heads = git.lsRemote(url, auth);
            return new Status(url, branch, false, null, heads.get(branch), 0, 0, 0, true);
        }
        GitClient.GitRepository repo = git.client().initRepository(dir, branch, url, excluded);
        String local = repo.resolve("HEAD");
        int uncommitted = repo.localChanges().size();
        String remote = git.lsRemote(url, auth).get(branch);
        if (remote == null || local == null) {
            return new Status(url, branch, true, local, remote, local == null ? 0 : repo.log(null, local, 100_000).size(),
                    0, uncommitted, true);
        }
        if (!remote.equals(local)) {
            repo.fetch(branch, auth, GitProgress.NONE);
        }
        boolean related = remote.equals(local) || repo.mergeBase(remote, local) != null;
        int ahead = repo.log(remote, local, 100_000).size();
        int behind = repo.log(local, remote, 100_000).size();
        return new Status(url, branch, true, local, remote, ahead, behind, uncommitted, related);
    }
}
