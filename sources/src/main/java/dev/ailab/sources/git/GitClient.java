package dev.ailab.sources.git;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The git operations the toolkit needs, over either the {@code git} command (fast, used when
 * installed) or JGit (always available). Callers reach it through {@link GitSources}, which
 * chooses the implementation.
 */
public interface GitClient {
    /** {@code git} or {@code jgit}. */
    String name();

    /**
     * Clones {@code url} into {@code target} (which must not exist), checking out {@code branch}.
     * {@code depth} 0 means full history.
     */
    void cloneRepository(String url, String branch, int depth, Path target, GitAuth auth, GitProgress progress);

    /**
     * Clones {@code url} into the empty or missing folder {@code into} and checks out {@code ref}
     * for reading: a branch, a tag, or a commit id (7 to 40 hex digits); null for the remote's
     * default branch. Nothing more is promised than that the folder's files are that commit's.
     *
     * @return the commit id checked out (empty for a repository without commits)
     */
    String checkout(String url, String ref, Path into, GitAuth auth, GitProgress progress);

    /** Lists the remote's branches (name to commit id): a cheap reachability and auth check. */
    Map<String, String> lsRemote(String url, GitAuth auth);

    /** Opens the working copy at {@code dir}; fails with a clear message when it is not one. */
    GitRepository open(Path dir);

    /**
     * Makes {@code dir} a working copy whose unborn or current branch is {@code branch} (git init)
     * unless it already is one, points {@code origin} at {@code originUrl}, and lists
     * {@code excluded} in {@code .git/info/exclude} (never committed, never in the tree). Unlike
     * {@link #open} it accepts a repository without commits.
     */
    GitRepository initRepository(Path dir, String branch, String originUrl, List<String> excluded);

    /** What a push did. Nothing is ever forced: a push that would not fast-forward is {@code REJECTED}. */
    enum PushResult { PUSHED, UP_TO_DATE, REJECTED }

    /** One changed path between two commits. */
    record Change(Kind kind, String path) {
        public enum Kind { ADDED, MODIFIED, DELETED }
    }

    /** One commit: id, author time (epoch seconds), subject line. */
    record Commit(String id, long time, String subject) {
        public String shortId() {
            return id.length() > 10 ? id.substring(0, 10) : id;
        }
    }

    /** One line found by {@link GitRepository#grep}. */
    record GrepHit(String path, int line, String text) {
    }

    /** A working copy. */
    interface GitRepository {
        Path dir();

        /** Commit id of {@code rev}, or null when it does not resolve. */
        String resolve(String rev);

        String remoteUrl();

        /**
         * Fetches {@code branch} from origin into {@code refs/remotes/origin/<branch>} and returns
         * the fetched commit id.
         */
        String fetch(String branch, GitAuth auth, GitProgress progress);

        /** Paths that differ between two commits (no rename detection: a rename is a delete and an add). */
        List<Change> diff(String from, String to);

        /**
         * Paths in the working tree that differ from HEAD: modified, deleted, and untracked files.
         */
        List<String> localChanges();

        /** All files tracked at HEAD. */
        List<String> trackedFiles();

        /**
         * Moves HEAD (and the checked-out branch) to {@code commit}, updating the files that differ
         * and keeping local edits in other files. Throws {@link GitConflictException} and touches
         * nothing when a file with a local edit would have to change.
         */
        void moveTo(String commit);

        /** Moves HEAD to {@code commit} and makes every tracked file match it (local edits are lost). */
        void forceTo(String commit);

        /** Content of {@code path} at {@code commit}, or null when it does not exist there. */
        byte[] show(String commit, String path);

        Commit commit(String id);

        /** Commits reachable from {@code to} and not from {@code from}, newest first (at most {@code max}). */
        List<Commit> log(String from, String to, int max);

        boolean isAncestor(String ancestor, String descendant);

        void updateRef(String ref, String id);

        void deleteRef(String ref);

        /** Refs under {@code prefix} (name to id). */
        Map<String, String> refs(String prefix);

        /**
         * Lines of the working tree's files (tracked and untracked, binary files skipped) that
         * contain {@code text} literally, or null when this implementation has no fast search
         * (the caller then reads the files itself).
         */
        default List<GrepHit> grep(String text, boolean ignoreCase) {
            return null;
        }

        /** Checks the object database and returns problems found (empty when healthy). */
        List<String> verify();

        /**
         * Commits every change of the working tree (new, edited and deleted files), as
         * {@code author <email>}; returns the new commit id, or null when nothing changed.
         */
        String commitAll(String message, String author, String email);

        /** Pushes HEAD to {@code branch} of origin, fast-forward only (never forced). */
        PushResult push(String branch, GitAuth auth, GitProgress progress);

        /** The best common ancestor of two commits, or null when their histories are unrelated. */
        String mergeBase(String a, String b);
    }
}
