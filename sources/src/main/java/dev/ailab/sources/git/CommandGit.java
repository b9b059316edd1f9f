package dev.ailab.sources.git;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link GitClient} over the {@code git} command. Arguments go as a list (no shell); secrets go
 * to an askpass helper through the environment of the git process, never through arguments.
 */
public final class CommandGit implements GitClient {
    private static final Pattern PROGRESS = Pattern.compile("^(?:remote: )?([A-Za-z ]+):\\s+\\d+% \\((\\d+)/(\\d+)\\)");
    private static final String ASKPASS_SCRIPT = """
            #!/bin/sh
            # Written by ai-config for one git operation and deleted after it. Reads secrets from
            # its environment so they never appear in a command line.
            case "$1" in
              Username*|username*) printf '%s\\n' "$AI_CONFIG_GIT_USERNAME" ;;
              Password*|password*) printf '%s\\n' "$AI_CONFIG_GIT_TOKEN" ;;
              *assphrase*) printf '%s\\n' "$AI_CONFIG_SSH_PASSPHRASE" ;;
              *) exit 1 ;;
            esac
            """;

    private final String executable;
    private final Map<String, String> baseEnv;
    private final Duration timeout;

    /**
     * @param executable path of {@code git}
     * @param baseEnv    environment the git processes start from (HOME, PATH, proxies)
     * @param timeout    longest a network operation may take
     */
    public CommandGit(String executable, Map<String, String> baseEnv, Duration timeout) {
        this.executable = executable;
        this.baseEnv = Map.copyOf(baseEnv);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "git";
    }

    @Override
    public void cloneRepository(String url, String branch, int depth, Path target, GitAuth auth, GitProgress progress) {
        List<String> args = new ArrayList<>(List.of("clone", "--progress", "--no-tags", "--single-branch"));
        if (branch != null) {
            args.addAll(List.of("--branch", branch));
        }
        if (depth > 0) {
            args.addAll(List.of("--depth", Integer.toString(depth)));
        }
        args.addAll(List.of("--", url, target.toString()));
        Result r = withAuth(auth, env -> run(target.getParent(), args, env, progress, timeout));
        if (r.code != 0) {
            throw GitErrors.remoteFailure("clone", url, branch, r.err());
        }
    }

    @Override
    public String checkout(String url, String ref, Path into, GitAuth auth, GitProgress progress) {
        Path dir = into.toAbsolutePath();
        try {
            Files.createDirectories(dir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.getParent() + ": " + e.getMessage(), e);
        }
        // every branch and tag, no files yet: the ref is looked up locally, then checked out once
        List<String> args = List.of("clone", "--progress", "--no-checkout", "--", url, dir.toString());
        Result cloned = withAuth(auth, env -> run(dir.getParent(), args, env, progress, timeout));
        if (cloned.code != 0) {
            throw Checkouts.cannotClone(url, Checkouts.firstError(cloned.err()), null);
        }
        Repo repo = new Repo(dir);
        String id;
        if (ref == null) {
            id = repo.resolve("HEAD");
            if (id == null) {
                return "";
            }
        } else if (Checkouts.isCommitId(ref)) {
            id = repo.resolve(ref);
            if (id == null) {
                throw Checkouts.commitNotFound(url, ref);
            }
        } else {
            id = repo.resolve("refs/remotes/origin/" + ref.replaceFirst("^refs/heads/", ""));
            if (id == null) {
                id = repo.resolve("refs/tags/" + ref);
            }
            if (id == null && ref.startsWith("refs/")) {
                id = repo.resolve(ref);
            }
            if (id == null) {
                throw Checkouts.refNotFound(url, ref, null);
            }
        }
        Result r = repo.git("checkout", "--quiet", "--detach", id);
        if (r.code != 0) {
            throw Checkouts.failed(url, Checkouts.firstError(r.err()), "check the URL and the ref (--vcs-ref)", null);
        }
        return id;
    }

    @Override
    public Map<String, String> lsRemote(String url, GitAuth auth) {
        Result r = withAuth(auth, env -> run(null, List.of("ls-remote", "--heads", "--", url), env, GitProgress.NONE, timeout));
        if (r.code != 0) {
            throw GitErrors.remoteFailure("ls-remote", url, null, r.err());
        }
        Map<String, String> heads = new LinkedHashMap<>();
        for (String line : r.out().split("\n")) {
            String[] parts = line.split("\t");
            if (parts.length == 2) {
                heads.put(parts[1].replaceFirst("^refs/heads/", ""), parts[0]);
            }
        }
        return heads;
    }

    @Override
    public GitRepository open(Path dir) {
        if (!Files.isDirectory(dir.resolve(".git"))) {
            throw new OperationFailedException(dir + " is not a git working copy (no .git folder)",
                    "run 'ai-config init' to clone the library");
        }
        Repo repo = new Repo(dir);
        Result r = repo.git("rev-parse", "--show-toplevel", "HEAD");
        if (r.code != 0) {
            String said = GitErrors.significantLine(r.err());
            String why = said.startsWith("not a git repository") ? "its .git folder is damaged or incomplete"
                    : said.contains("unknown revision") || said.contains("ambiguous argument 'HEAD'") ? "HEAD does not point to a commit"
                    : said;
            throw new dev.ailab.core.error.InvalidInputException(dir + " is not a valid git repository: " + why,
                    "run 'ai-config health'; move the folder away and run 'ai-config init' to clone it again");
        }
        return repo;
    }

    @Override
    public GitRepository initRepository(Path dir, String branch, String originUrl, List<String> excluded) {
        Path abs = dir.toAbsolutePath();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new OperationFailedException("cannot create " + abs + ": " + e.getMessage(), "check the path and permissions");
        }
        Repo repo = new Repo(abs);
        if (!Files.isDirectory(abs.resolve(".git"))) {
            repo.ok("init", "--quiet", "--initial-branch=" + branch);
        }
        repo.ok("config", "remote.origin.url", originUrl);
        repo.ok("config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*");
        InfoExclude.add(abs.resolve(".git"), excluded);
        return repo;
    }

    /** Runs {@code action} with an environment that lets git find the credentials in {@code auth}. */
    private <T> T withAuth(GitAuth auth, java.util.function.Function<Map<String, String>, T> action) {
        Map<String, String> env = new LinkedHashMap<>();
        auth = auth == null ? GitAuth.none() : SshKeys.unlock(auth);
        Path dir = null;
        char[] token = null;
        char[] passphrase = null;
        try {
            dir = Files.createTempDirectory("ai-config-askpass", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path script = dir.resolve("askpass");
            Files.writeString(script, ASKPASS_SCRIPT);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            env.put("GIT_ASKPASS", script.toString());
            env.put("SSH_ASKPASS", script.toString());
            env.put("SSH_ASKPASS_REQUIRE", "force");
            if (auth.token() != null) {
                token = auth.token().get();
                env.put("AI_CONFIG_GIT_USERNAME", auth.username() == null ? "git" : auth.username());
                env.put("AI_CONFIG_GIT_TOKEN", new String(token));
            }
            List<String> ssh = new ArrayList<>(List.of("ssh", "-o", "BatchMode=no", "-o", "PasswordAuthentication=no",
                    "-o", "KbdInteractiveAuthentication=no", "-o", "StrictHostKeyChecking=accept-new"));
            if (auth.sshKey() != null) {
                ssh.addAll(List.of("-o", "IdentitiesOnly=yes", "-i", auth.sshKey().toString()));
                if (auth.passphrase() != null && SshKeys.isEncrypted(auth.sshKey())) {
                    passphrase = auth.passphrase().get();
                    env.put("AI_CONFIG_SSH_PASSPHRASE", new String(passphrase));
                }
            }
            if (auth.knownHosts() != null) {
                ssh.addAll(List.of("-o", "UserKnownHostsFile=" + auth.knownHosts()));
            }
            env.put("GIT_SSH_COMMAND", shellJoin(ssh));
            return action.apply(env);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the git credentials helper: " + e.getMessage(), e);
        } finally {
            if (token != null) {
                Arrays.fill(token, '\0');
            }
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
            FileTrees.deleteQuietly(dir); // a leftover script holds no secret
        }
    }

    private static String shellJoin(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('\'').append(w.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }

    record Result(int code, byte[] stdout, String err) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    Result run(Path dir, List<String> args, Map<String, String> extraEnv, GitProgress progress, Duration limit) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of("-c", "core.quotePath=false", "-c", "credential.helper=", "-c", "advice.detachedHead=false"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(baseEnv);
        env.keySet().removeIf(k -> k.startsWith("GIT_") && !k.equals("GIT_SSL_CAINFO") && !k.equals("GIT_SSL_NO_VERIFY")
                || k.startsWith("AI_CONFIG_"));
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("LC_ALL", "C");
        env.putAll(extraEnv);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ExternalSystemException("cannot run git: " + e.getMessage(), "install git or set AI_CONFIG_GIT=jgit", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder err = new StringBuilder();
        Thread outReader = daemon(() -> copy(process.getInputStream(), out));
        Thread errReader = daemon(() -> readProgress(process.getErrorStream(), err, progress));
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new ExternalSystemException("git did not finish " + purpose(args.get(0)) + " within " + limit.toSeconds() + " s",
                        "check the network, or raise the limit with AI_CONFIG_GIT_TIMEOUT (seconds)");
            }
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while git was " + purpose(args.get(0)));
        }
        String errText;
        synchronized (err) {
            errText = err.toString();
        }
        return new Result(process.exitValue(), out.toByteArray(), errText);
    }

    /** What a git subcommand was doing, for messages that name no git command line: "reading the history". */
    static String purpose(String subcommand) {
        return switch (subcommand) {
            case "clone" -> "cloning";
            case "fetch" -> "fetching";
            case "ls-remote" -> "listing the remote's branches";
            case "rev-parse", "rev-list", "for-each-ref" -> "resolving a version";
            case "checkout", "reset", "read-tree", "update-index" -> "updating the files";
            case "log" -> "reading the history";
            case "diff", "status", "ls-files" -> "comparing the files";
            case "show", "cat-file", "ls-tree" -> "reading a file";
            case "config" -> "reading the settings";
            case "update-ref" -> "recording the version";
            case "fsck" -> "checking the repository";
            case "push" -> "pushing";
            case "init", "add", "commit", "merge-base" -> "recording the files";
            default -> "at work (" + subcommand + ")";
        };
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "git-io");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process died; its exit code tells
        }
    }

    private static void readProgress(InputStream in, StringBuilder err, GitProgress progress) {
        try (in) {
            StringBuilder line = new StringBuilder();
            int c;
            java.io.Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
            while ((c = reader.read()) != -1) {
                if (c == '\r' || c == '\n') {
                    String text = line.toString();
                    line.setLength(0);
                    Matcher m = PROGRESS.matcher(text);
                    if (m.find()) {
                        progress.update(m.group(1).strip(), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
                        if (c == '\r') {
                            continue;
                        }
                    }
                    synchronized (err) {
                        if (!text.isBlank() && !m.find(0)) {
                            err.append(text).append('\n');
                        }
                    }
                } else {
                    line.append((char) c);
                }
            }
            synchronized (err) {
                err.append(line);
            }
        } catch (IOException ignored) {
            // the process died; its exit code tells
        }
    }

    /** A working copy driven by the git command. */
    final class Repo implements GitRepository {
        private final Path dir;

        Repo(Path dir) {
            this.dir = dir;
        }

        @Override
        public Path dir() {
            return dir;
        }

        Result git(String... args) {
            return run(dir, List.of(args), Map.of(), GitProgress.NONE, Duration.ofMinutes(10));
        }

        private Result ok(String... args) {
            Result r = git(args);
            if (r.code != 0) {
                throw new OperationFailedException("git failed " + purpose(args[0]) + " in " + dir + ": "
                        + GitErrors.significantLine(r.err()), "run 'ai-config health' to check the library");
            }
            return r;
        }

        @Override
        public String resolve(String rev) {
            Result r = git("rev-parse", "--verify", "--quiet", rev + "^{commit}");
            return r.code == 0 ? r.out().strip() : null;
        }

        @Override
        public String remoteUrl() {
            Result r = git("config", "--get", "remote.origin.url");
            return r.code == 0 ? r.out().strip() : null;
        }

        @Override
        public String fetch(String branch, GitAuth auth, GitProgress progress) {
            String url = remoteUrl();
            Result r = withAuth(auth, env -> run(dir, List.of("fetch", "--progress", "--no-tags", "origin",
                    "+refs/heads/" + branch + ":refs/remotes/origin/" + branch), env, progress, timeout));
            if (r.code != 0) {
                throw GitErrors.remoteFailure("fetch", url == null ? "origin" : url, branch, r.err());
            }
            String id = resolve("refs/remotes/origin/" + branch);
            if (id == null) {
                throw new ExternalSystemException("fetch of " + GitErrors.redact(url) + " brought no branch '" + branch + "'");
            }
            return id;
        }

        @Override
        public List<Change> diff(String from, String to) {
            Result r = ok("diff", "--no-renames", "--name-status", "-z", from, to, "--");
            List<Change> changes = new ArrayList<>();
            String[] parts = r.out().split("\0");
            for (int i = 0; i + 1 < parts.length; i += 2) {
                Change.Kind kind = switch (parts[i].charAt(0)) {
                    case 'A' -> Change.Kind.ADDED;
                    case 'D' -> Change.Kind.DELETED;
                    default -> Change.Kind.MODIFIED;
                };
                changes.add(new Change(kind, parts[i + 1]));
            }
            return changes;
        }

        @Override
        public List<String> localChanges() {
            Result r = ok("status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--ignored=no");
            List<String> paths = new ArrayList<>();
            for (String entry : r.out().split("\0")) {
                if (entry.length() > 3) {
                    paths.add(entry.substring(3));
                }
            }
            return paths;
        }

        @Override
        public List<String> trackedFiles() {
            Result r = ok("ls-files", "-z");
            List<String> paths = new ArrayList<>();
            for (String p : r.out().split("\0")) {
                if (!p.isEmpty()) {
                    paths.add(p);
                }
            }
            return paths;
        }

        @Override
        public void moveTo(String commit) {
            Result r = git("reset", "--keep", commit);
            if (r.code != 0) {
                List<String> paths = new ArrayList<>();
                Matcher m = Pattern.compile("(?:Entry|file) '([^']+)'").matcher(r.err());
                while (m.find()) {
                    paths.add(m.group(1));
                }
                Matcher list = Pattern.compile("(?m)^\\t(.+)$").matcher(r.err());
                while (list.find()) {
                    paths.add(list.group(1).strip());
                }
                throw new GitConflictException("cannot move the library to " + commit.substring(0, Math.min(10, commit.length()))
                        + ": files with local edits would change: " + String.join(", ", paths),
                        "keep your edit in personal/ instead, or discard it, then run again", paths);
            }
        }

        @Override
        public void forceTo(String commit) {
            ok("reset", "--hard", "--quiet", commit);
        }

        @Override
        public byte[] show(String commit, String path) {
            Result r = git("cat-file", "blob", commit + ":" + path);
            return r.code == 0 ? r.stdout() : null;
        }

        @Override
        public Commit commit(String id) {
            Result r = ok("log", "-1", "--format=%H%x00%at%x00%s", id, "--");
            return parseCommits(r.out()).get(0);
        }

        @Override
        public List<Commit> log(String from, String to, int max) {
            Result r = ok("log", "--format=%H%x00%at%x00%s", "-n", Integer.toString(max), from == null ? to : from + ".." + to, "--");
            return parseCommits(r.out());
        }

        private List<Commit> parseCommits(String text) {
            List<Commit> commits = new ArrayList<>();
            for (String line : text.split("\n")) {
                String[] f = line.split("\0", 3);
                if (f.length == 3) {
                    commits.add(new Commit(f[0], Long.parseLong(f[1]), f[2]));
                }
            }
            return commits;
        }

        @Override
        public boolean isAncestor(String ancestor, String descendant) {
            return git("merge-base", "--is-ancestor", ancestor, descendant).code == 0;
        }

        @Override
        public void updateRef(String ref, String id) {
            ok("update-ref", ref, id);
        }

        @Override
        public void deleteRef(String ref) {
            ok("update-ref", "-d", ref);
        }

        @Override
        public Map<String, String> refs(String prefix) {
            Result r = ok("for-each-ref", "--format=%(refname) %(objectname)", prefix);
            Map<String, String> refs = new LinkedHashMap<>();
            for (String line : r.out().split("\n")) {
                int sp = line.lastIndexOf(' ');
                if (sp > 0) {
                    refs.put(line.substring(0, sp), line.substring(sp + 1));
                }
            }
            return refs;
        }

        @Override
        public List<GrepHit> grep(String text, boolean ignoreCase) {
            List<String> args = new ArrayList<>(List.of("grep", "--untracked", "-I", "-n", "-z", "--no-color", "-F"));
            if (ignoreCase) {
                args.add("-i");
            }
            args.addAll(List.of("-e", text, "--"));
            Result r = run(dir, args, Map.of(), GitProgress.NONE, Duration.ofMinutes(10));
            if (r.code == 1) {
                return List.of();
            }
            if (r.code != 0) {
                return null;
            }
            List<GrepHit> hits = new ArrayList<>();
            for (String line : r.out().split("\n")) {
                String[] f = line.split("\0", 3);
                if (f.length == 3) {
                    try {
                        hits.add(new GrepHit(f[0], Integer.parseInt(f[1]), f[2]));
                    } catch (NumberFormatException ignored) {
                        // not a match line
                    }
                }
            }
            return hits;
        }

        @Override
        public String commitAll(String message, String author, String email) {
            ok("add", "--all", "--", ".");
            if (ok("status", "--porcelain=v1", "-z", "--untracked-files=no").out().isEmpty()) {
                return null;
            }
            Map<String, String> env = Map.of("GIT_AUTHOR_NAME", author, "GIT_AUTHOR_EMAIL", email,
                    "GIT_COMMITTER_NAME", author, "GIT_COMMITTER_EMAIL", email,
                    // a user's commit.gpgsign must not stop a generated commit
                    "GIT_CONFIG_COUNT", "1", "GIT_CONFIG_KEY_0", "commit.gpgsign", "GIT_CONFIG_VALUE_0", "false");
            Result r = run(dir, List.of("commit", "--quiet", "--no-verify", "-m", message), env, GitProgress.NONE,
                    Duration.ofMinutes(10));
            if (r.code != 0) {
                throw new OperationFailedException("git failed recording the files in " + dir + ": "
                        + GitErrors.significantLine(r.err() + "\n" + r.out()), "check the folder's permissions");
            }
            return resolve("HEAD");
        }

        @Override
        public PushResult push(String branch, GitAuth auth, GitProgress progress) {
            String url = remoteUrl();
            Result r = withAuth(auth, env -> run(dir, List.of("push", "--porcelain", "--progress", "origin",
                    "HEAD:refs/heads/" + branch), env, progress, timeout));
            for (String line : r.out().split("\n")) {
                String[] f = line.split("\t");
                if (f.length >= 2 && f[1].endsWith(":refs/heads/" + branch) && !f[0].isEmpty()) {
                    switch (f[0].charAt(0)) {
                        case '=':
                            return PushResult.UP_TO_DATE;
                        case '!':
                            return PushResult.REJECTED;
                        case ' ', '*':
                            if (r.code == 0) {
                                return PushResult.PUSHED;
                            }
                            break;
                        default:
                            break;
                    }
                }
            }
            if (r.err().contains("[rejected]") || r.err().contains("non-fast-forward") || r.err().contains("fetch first")) {
                return PushResult.REJECTED;
            }
            throw GitErrors.remoteFailure("push", url == null ? "origin" : url, branch, r.err());
        }

        @Override
        public String mergeBase(String a, String b) {
            Result r = git("merge-base", a, b);
            return r.code == 0 ? r.out().strip() : null;
        }

        @Override
        public List<String> verify() {
            List<String> problems = new ArrayList<>();
            Result head = git("rev-parse", "--verify", "HEAD^{commit}");
            if (head.code != 0) {
                problems.add("HEAD does not point to a commit: " + GitErrors.lastLine(head.err()));
                return problems;
            }
            Result fsck = git("fsck", "--connectivity-only", "--no-dangling", "--no-progress");
            if (fsck.code != 0) {
                problems.add("object database damaged: " + GitErrors.lastLine(fsck.err() + "\n" + fsck.out()));
            }
            return problems;
        }
    }
}
