package dev.ailab.sources.git;

import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.error.ToolkitException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.errors.CheckoutConflictException;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.lib.BatchingProgressMonitor;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * {@link GitClient} over JGit, used when the {@code git} command is not installed. SSH goes
 * through JGit's Apache MINA sshd transport (BouncyCastle provides ed25519), with keys and
 * passphrases from {@link GitAuth} and no ssh-agent.
 */
public final class JGitClient implements GitClient {
    private final Duration timeout;

    public JGitClient(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "jgit";
    }

    @Override
    public void cloneRepository(String url, String branch, int depth, Path target, GitAuth auth, GitProgress progress) {
        var clone = Git.cloneRepository().setURI(url).setDirectory(target.toFile())
                .setCloneAllBranches(false).setTagOption(TagOpt.NO_TAGS).setProgressMonitor(monitor(progress));
        if (branch != null) {
            clone.setBranch(branch).setBranchesToClone(List.of(Constants.R_HEADS + branch));
        }
        if (depth > 0) {
            clone.setDepth(depth);
        }
        try (Transport t = configure(clone, auth); Git git = clone.call()) {
            if (git.getRepository().resolve(Constants.HEAD) == null) {
                throw GitErrors.remoteFailure("clone", url, branch, "Remote branch " + branch + " not found");
            }
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (e instanceof ToolkitException te) {
                throw te;
            }
            throw GitErrors.remoteFailure("clone", url, branch, messages(e));
        }
    }

    @Override
    public String checkout(String url, String ref, Path into, GitAuth auth, GitProgress progress) {
        boolean commit = Checkouts.isCommitId(ref);
        var clone = Git.cloneRepository().setURI(url).setDirectory(into.toFile()).setCloneAllBranches(commit)
                .setProgressMonitor(monitor(progress));
        if (ref != null && !commit) {
            clone.setBranch(ref);
        }
        try (Transport t = configure(clone, auth); Git git = clone.call()) {
            Repository repo = git.getRepository();
            if (ref != null && !commit && repo.resolve(Constants.HEAD) != null) {
                // JGit falls back to the default branch when the ref is missing: check it was found.
                if (repo.exactRef(Constants.R_HEADS + ref) == null && repo.exactRef(Constants.R_TAGS + ref) == null
                        && repo.exactRef(ref) == null) {
                    throw Checkouts.refNotFound(url, ref, null);
                }
            }
            if (commit) {
                ObjectId id = repo.resolve(ref + "^{commit}");
                if (id == null) {
                    throw Checkouts.commitNotFound(url, ref);
                }
                git.checkout().setName(id.name()).call();
            }
            ObjectId head = repo.resolve(Constants.HEAD);
            return head == null ? "" : head.name();
        } catch (org.eclipse.jgit.api.errors.InvalidRemoteException | org.eclipse.jgit.api.errors.TransportException e) {
            if (ref != null && e.getMessage() != null && e.getMessage().contains("not found in upstream")) {
                throw Checkouts.refNotFound(url, ref, e);
            }
            throw Checkouts.cannotClone(url, e.getMessage(), e);
        } catch (GitAPIException e) {
            throw Checkouts.failed(url, e.getMessage(), "check the URL and the ref (--vcs-ref)", e);
        } catch (IOException e) {
            throw Checkouts.failed(url, e.getMessage(), "check the repository", e);
        }
    }

    @Override
    public Map<String, String> lsRemote(String url, GitAuth auth) {
        var ls = Git.lsRemoteRepository().setRemote(url).setHeads(true);
        try (Transport t = configure(ls, auth)) {
            Map<String, String> heads = new LinkedHashMap<>();
            for (Ref ref : ls.call()) {
                heads.put(Repository.shortenRefName(ref.getName()), ref.getObjectId().name());
            }
            return heads;
        } catch (GitAPIException | RuntimeException e) {
            if (e instanceof ToolkitException te) {
                throw te;
            }
            throw GitErrors.remoteFailure("ls-remote", url, null, messages(e));
        }
    }

    @Override
    public GitRepository open(Path dir) {
        if (!Files.isDirectory(dir.resolve(".git"))) {
            throw new OperationFailedException(dir + " is not a git working copy (no .git folder)",
                    "run 'ai-config init' to clone the library");
        }
        try {
            Repository repo = new FileRepositoryBuilder().setWorkTree(dir.toFile()).setGitDir(dir.resolve(".git").toFile())
                    .setMustExist(true).build();
            if (repo.resolve(Constants.HEAD) == null) {
                repo.close();
                throw new IOException("HEAD does not point to a commit");
            }
            return new Repo(dir, repo);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ToolkitException te) {
                throw te;
            }
            throw new dev.ailab.core.error.InvalidInputException(dir + " is not a valid git repository: " + e.getMessage(),
                    "run 'ai-config health'; move the folder away and run 'ai-config init' to clone it again", e);
        }
    }

    @Override
    public GitRepository initRepository(Path dir, String branch, String originUrl, List<String> excluded) {
        try {
            Files.createDirectories(dir);
            Repository repo;
            if (Files.isDirectory(dir.resolve(".git"))) {
                repo = new FileRepositoryBuilder().setWorkTree(dir.toFile()).setGitDir(dir.resolve(".git").toFile())
                        .setMustExist(true).build();
            } else {
                repo = Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call().getRepository();
            }
            org.eclipse.jgit.lib.StoredConfig config = repo.getConfig();
            config.setString("remote", "origin", "url", originUrl);
            config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
            config.save();
            InfoExclude.add(dir.resolve(".git"), excluded);
            return new Repo(dir, repo);
        } catch (IOException | GitAPIException e) {
            throw new OperationFailedException("cannot make " + dir + " a git repository: " + e.getMessage(),
                    "check the folder's permissions", e);
        }
    }

    static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static BatchingProgressMonitor monitor(GitProgress progress) {
        return new BatchingProgressMonitor() {
            @Override
            protected void onUpdate(String taskName, int workCurr, Duration duration) {
                progress.update(taskName, workCurr, 0);
            }

            @Override
            protected void onEndTask(String taskName, int workCurr, Duration duration) {
                progress.update(taskName, workCurr, workCurr);
            }

            @Override
            protected void onUpdate(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
                progress.update(taskName, workCurr, workTotal);
            }

            @Override
            protected void onEndTask(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
                progress.update(taskName, workCurr, workTotal);
            }
        };
    }

    /**
     * Makes the folder {@code dir} a repository whose {@code branch} holds exactly its files:
     * {@code git init} when it is not one yet, then everything added (deletions too) and
     * committed with a fixed author, committer and time, so the same files on the same history
     * give the same commit id. Nothing is committed when the files equal the branch's last
     * commit. Returns the branch's commit id.
     */
    public String commitFolder(Path dir, String branch, String message, String author, String email, long epochSeconds) {
        try {
            boolean fresh = !Files.isDirectory(dir.resolve(".git"));
            try (Git git = fresh ? Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call() : Git.open(dir.toFile())) {
                git.add().addFilepattern(".").call();
                git.add().addFilepattern(".").setUpdate(true).call();
                ObjectId head = git.getRepository().resolve(Constants.HEAD);
                if (head != null && git.status().call().isClean()) {
                    return head.name();
                }
                var who = new org.eclipse.jgit.lib.PersonIdent(author, email, java.time.Instant.ofEpochSecond(epochSeconds),
                        java.time.ZoneOffset.UTC);
                return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setAllowEmpty(true)
                        .setSign(false).call().name();
            }
        } catch (IOException | GitAPIException e) {
            throw new OperationFailedException("cannot commit the files of " + dir + ": " + messages(e),
                    "check that the folder is writable and is not another repository");
        }
    }

    /** Pushes {@code branch} of the repository at {@code dir} to {@code url} (a fast-forward; a rejected push fails). */
    public void pushBranch(Path dir, String url, String branch, GitAuth auth) {
        try (Git git = Git.open(dir.toFile())) {
            var push = git.push().setRemote(url).setRefSpecs(new RefSpec(Constants.R_HEADS + branch + ":" + Constants.R_HEADS + branch));
            try (Transport t = configure(push, auth)) {
                for (var result : push.call()) {
                    for (var update : result.getRemoteUpdates()) {
                        var status = update.getStatus();
                        if (status != org.eclipse.jgit.transport.RemoteRefUpdate.Status.OK
                                && status != org.eclipse.jgit.transport.RemoteRefUpdate.Status.UP_TO_DATE) {
                            throw new OperationFailedException("the mirror " + GitErrors.redact(url) + " did not take " + branch
                                    + " (" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")",
                                    "the mirror's " + branch + " has commits this folder does not: import into the folder "
                                            + "that pushed it before, or push to an empty repository");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new OperationFailedException("cannot open the repository " + dir + ": " + messages(e), "import the bundle again");
        } catch (GitAPIException e) {
            throw GitErrors.remoteFailure("push", url, branch, messages(e));
        }
    }

    /** What a transport command was given; closing it drops the SSH session factory. */
    private interface Transport extends AutoCloseable {
        @Override
        void close();
    }

    private Transport configure(TransportCommand<?, ?> command, GitAuth auth) {
        GitAuth a = auth == null ? GitAuth.none() : SshKeys.unlock(auth);
        command.setTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        Secrets secrets = new Secrets(a);
        command.setCredentialsProvider(secrets);
        SshdSessionFactory[] factory = new SshdSessionFactory[1];
        command.setTransportConfigCallback(transport -> {
            if (transport instanceof SshTransport ssh) {
                File home = new File(System.getProperty("user.home"));
                File sshDir = a.knownHosts() != null ? a.knownHosts().getParent().toFile() : new File(home, ".ssh");
                SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                        .setHomeDirectory(home).setSshDirectory(sshDir)
                        .setPreferredAuthentications("publickey");
                if (a.knownHosts() != null) {
                    builder.setDefaultKnownHostsFiles(f -> List.of(a.knownHosts()));
                }
                if (a.sshKey() != null) {
                    builder.setDefaultIdentities(f -> List.of(a.sshKey()));
                }
                factory[0] = builder.build(null);
                ssh.setSshSessionFactory(factory[0]);
            }
        });
        return () -> {
            secrets.clear();
            if (factory[0] != null) {
                factory[0].close();
            }
        };
    }

    /** Answers JGit's credential questions from {@link GitAuth}; accepts a new host key, never a changed one. */
    private static final class Secrets extends CredentialsProvider {
        private final GitAuth auth;
        private char[] token;
        private char[] passphrase;
        private int passphraseAsked;

        Secrets(GitAuth auth) {
            this.auth = auth;
        }

        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public boolean supports(CredentialItem... items) {
            return true;
        }

        @Override
        public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
            boolean ssh = uri != null && uri.getScheme() != null && uri.getScheme().startsWith("ssh") || uri != null && uri.getScheme() == null;
            StringBuilder prompts = new StringBuilder();
            for (CredentialItem item : items) {
                prompts.append(item.getPromptText()).append('\n');
            }
            boolean changedKey = prompts.toString().toLowerCase().contains("changed")
                    || prompts.toString().contains("WARNING");
            for (CredentialItem item : items) {
                if (item instanceof CredentialItem.YesNoType yn) {
                    yn.setValue(!changedKey);
                } else if (item instanceof CredentialItem.Username u) {
                    u.setValue(auth.username() == null ? "git" : auth.username());
                } else if (item instanceof CredentialItem.Password p) {
                    if (ssh || item.getPromptText().toLowerCase().contains("passphrase")) {
                        if (auth.passphrase() == null || passphraseAsked++ > 0) {
                            // Asked again: the first answer was wrong. Say so instead of looping.
                            return false;
                        }
                        passphrase = auth.passphrase().get();
                        p.setValue(passphrase.clone());
                    } else {
                        if (auth.token() == null) {
                            return false;
                        }
                        token = auth.token().get();
                        p.setValue(token.clone());
                    }
                } else if (item instanceof CredentialItem.StringType s) {
                    if (auth.passphrase() == null) {
                        return false;
                    }
                    s.setValue(new String(auth.passphrase().get()));
                } else if (item instanceof CredentialItem.InformationalMessage) {
                    continue;
                } else {
                    return false;
                }
            }
            return true;
        }

        void clear() {
            if (token != null) {
                Arrays.fill(token, '\0');
            }
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** A working copy driven by JGit. */
    final class Repo implements GitRepository {
        private final Path dir;
        private final Repository repo;

        Repo(Path dir, Repository repo) {
            this.dir = dir;
            this.repo = repo;
        }

        @Override
        public Path dir() {
            return dir;
        }

        private Git git() {
            return Git.wrap(repo);
        }

        private OperationFailedException failed(String what, Exception e) {
            return new OperationFailedException(what + " failed in " + dir + ": " + e.getMessage(),
                    "run 'ai-config health' to check the library", e);
        }

        @Override
        public String resolve(String rev) {
            try {
                ObjectId id = repo.resolve(rev + "^{commit}");
                return id == null ? null : id.name();
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public String remoteUrl() {
            return repo.getConfig().getString("remote", "origin", "url");
        }

        @Override
        public String fetch(String branch, GitAuth auth, GitProgress progress) {
            var fetch = git().fetch().setRemote("origin").setTagOpt(TagOpt.NO_TAGS).setProgressMonitor(monitor(progress))
                    .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/remotes/origin/" + branch));
            try (Transport t = configure(fetch, auth)) {
                fetch.call();
            } catch (GitAPIException | RuntimeException e) {
                if (e instanceof ToolkitException te) {
                    throw te;
                }
                throw GitErrors.remoteFailure("fetch", remoteUrl(), branch, messages(e));
            }
            String id = resolve("refs/remotes/origin/" + branch);
            if (id == null) {
                throw GitErrors.remoteFailure("fetch", remoteUrl(), branch, "couldn't find remote ref " + branch);
            }
            return id;
        }

        @Override
        public List<Change> diff(String from, String to) {
            try (RevWalk walk = new RevWalk(repo); DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
                df.setRepository(repo);
                df.setDetectRenames(false);
                List<Change> changes = new ArrayList<>();
                for (DiffEntry e : df.scan(walk.parseCommit(repo.resolve(from)).getTree(), walk.parseCommit(repo.resolve(to)).getTree())) {
                    switch (e.getChangeType()) {
                        case ADD -> changes.add(new Change(Change.Kind.ADDED, e.getNewPath()));
                        case DELETE -> changes.add(new Change(Change.Kind.DELETED, e.getOldPath()));
                        default -> changes.add(new Change(Change.Kind.MODIFIED, e.getNewPath()));
                    }
                }
                return changes;
            } catch (IOException e) {
                throw failed("diff", e);
            }
        }

        @Override
        public List<String> localChanges() {
            try {
                Status s = git().status().call();
                Set<String> paths = new LinkedHashSet<>();
                paths.addAll(s.getModified());
                paths.addAll(s.getChanged());
                paths.addAll(s.getAdded());
                paths.addAll(s.getRemoved());
                paths.addAll(s.getMissing());
                paths.addAll(s.getUntracked());
                paths.addAll(s.getConflicting());
                return new ArrayList<>(paths);
            } catch (GitAPIException e) {
                throw failed("status", e);
            }
        }

        @Override
        public List<String> trackedFiles() {
            try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
                tw.addTree(walk.parseCommit(repo.resolve(Constants.HEAD)).getTree());
                tw.setRecursive(true);
                List<String> paths = new ArrayList<>();
                while (tw.next()) {
                    paths.add(tw.getPathString());
                }
                return paths;
            } catch (IOException e) {
                throw failed("ls-files", e);
            }
        }

        @Override
        public void moveTo(String commit) {
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit head = walk.parseCommit(repo.resolve(Constants.HEAD));
                RevCommit target = walk.parseCommit(ObjectId.fromString(commit));
                DirCacheCheckout checkout = new DirCacheCheckout(repo, head.getTree(), repo.lockDirCache(), target.getTree());
                checkout.setFailOnConflict(true);
                try {
                    checkout.checkout();
                } catch (CheckoutConflictException e) {
                    List<String> paths = checkout.getConflicts();
                    throw new GitConflictException("cannot move the library to " + target.abbreviate(10).name()
                            + ": files with local edits would change: " + String.join(", ", paths),
                            "keep your edit in personal/ instead, or discard it, then run again", paths);
                }
                RefUpdate ru = repo.updateRef(Constants.HEAD);
                ru.setNewObjectId(target);
                ru.setForceUpdate(true);
                ru.setRefLogMessage("ai-config: move to " + target.name(), false);
                ru.forceUpdate();
            } catch (IOException e) {
                throw failed("checkout", e);
            }
        }

        @Override
        public void forceTo(String commit) {
            try {
                git().reset().setMode(ResetCommand.ResetType.HARD).setRef(commit).call();
            } catch (GitAPIException e) {
                throw failed("reset", e);
            }
        }

        @Override
        public byte[] show(String commit, String path) {
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
                try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
                    if (tw == null || (tw.getFileMode(0).getObjectType() != Constants.OBJ_BLOB)) {
                        return null;
                    }
                    return repo.open(tw.getObjectId(0)).getBytes();
                }
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public Commit commit(String id) {
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit c = walk.parseCommit(repo.resolve(id));
                return new Commit(c.name(), c.getCommitTime(), c.getShortMessage());
            } catch (IOException e) {
                throw failed("log", e);
            }
        }

        @Override
        public List<Commit> log(String from, String to, int max) {
            try {
                var log = git().log().add(repo.resolve(to)).setMaxCount(max);
                if (from != null) {
                    log.not(repo.resolve(from));
                }
                List<Commit> commits = new ArrayList<>();
                for (RevCommit c : log.call()) {
                    commits.add(new Commit(c.name(), c.getCommitTime(), c.getShortMessage()));
                }
                return commits;
            } catch (IOException | GitAPIException e) {
                throw failed("log", e);
            }
        }

        @Override
        public boolean isAncestor(String ancestor, String descendant) {
            try (RevWalk walk = new RevWalk(repo)) {
                return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)), walk.parseCommit(ObjectId.fromString(descendant)));
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void updateRef(String ref, String id) {
            try {
                RefUpdate ru = repo.updateRef(ref);
                ru.setNewObjectId(ObjectId.fromString(id));
                ru.setForceUpdate(true);
                RefUpdate.Result r = ru.forceUpdate();
                if (r == RefUpdate.Result.LOCK_FAILURE || r == RefUpdate.Result.IO_FAILURE || r == RefUpdate.Result.REJECTED) {
                    throw new IOException("cannot update " + ref + ": " + r);
                }
            } catch (IOException e) {
                throw failed("update-ref", e);
            }
        }

        @Override
        public void deleteRef(String ref) {
            try {
                RefUpdate ru = repo.updateRef(ref);
                ru.setForceUpdate(true);
                ru.delete();
            } catch (IOException e) {
                throw failed("update-ref -d", e);
            }
        }

        @Override
        public Map<String, String> refs(String prefix) {
            try {
                Map<String, String> refs = new LinkedHashMap<>();
                for (Ref r : repo.getRefDatabase().getRefsByPrefix(prefix)) {
                    refs.put(r.getName(), r.getObjectId().name());
                }
                return refs;
            } catch (IOException e) {
                throw failed("for-each-ref", e);
            }
        }

        @Override
        public String commitAll(String message, String author, String email) {
            try {
                git().add().addFilepattern(".").call();
                git().add().addFilepattern(".").setUpdate(true).call(); // deletions
                if (!git().status().call().hasUncommittedChanges()) {
                    return null;
                }
                var who = new org.eclipse.jgit.lib.PersonIdent(author, email);
                return git().commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false)
                        .setNoVerify(true).call().name();
            } catch (GitAPIException e) {
                throw failed("commit", e);
            }
        }

        @Override
        public PushResult push(String branch, GitAuth auth, GitProgress progress) {
            var push = git().push().setRemote("origin").setForce(false).setProgressMonitor(monitor(progress))
                    .setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch));
            try (Transport t = configure(push, auth)) {
                for (org.eclipse.jgit.transport.PushResult result : push.call()) {
                    for (org.eclipse.jgit.transport.RemoteRefUpdate u : result.getRemoteUpdates()) {
                        switch (u.getStatus()) {
                            case OK:
                                return PushResult.PUSHED;
                            case UP_TO_DATE:
                                return PushResult.UP_TO_DATE;
                            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED:
                                return PushResult.REJECTED;
                            default:
                                throw GitErrors.remoteFailure("push", remoteUrl(), branch,
                                        u.getStatus() + " " + (u.getMessage() == null ? "" : u.getMessage()));
                        }
                    }
                }
                throw GitErrors.remoteFailure("push", remoteUrl(), branch, "no answer for refs/heads/" + branch);
            } catch (GitAPIException | RuntimeException e) {
                if (e instanceof ToolkitException te) {
                    throw te;
                }
                throw GitErrors.remoteFailure("push", remoteUrl(), branch, messages(e));
            }
        }

        @Override
        public String mergeBase(String a, String b) {
            try (RevWalk walk = new RevWalk(repo)) {
                walk.setRevFilter(org.eclipse.jgit.revwalk.filter.RevFilter.MERGE_BASE);
                walk.markStart(walk.parseCommit(repo.resolve(a)));
                walk.markStart(walk.parseCommit(repo.resolve(b)));
                RevCommit base = walk.next();
                return base == null ? null : base.name();
            } catch (IOException e) {
                throw failed("merge-base", e);
            }
        }

        @Override
        public List<String> verify() {
            List<String> problems = new ArrayList<>();
            try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
                ObjectId head = repo.resolve(Constants.HEAD);
                if (head == null) {
                    problems.add("HEAD does not point to a commit");
                    return problems;
                }
                tw.addTree(walk.parseCommit(head).getTree());
                tw.setRecursive(true);
                var reader = repo.newObjectReader();
                while (tw.next()) {
                    if (!reader.has(tw.getObjectId(0))) {
                        problems.add("missing object for " + tw.getPathString());
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add("object database damaged: " + e.getMessage());
            }
            return problems;
        }
    }

}
