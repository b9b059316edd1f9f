package dev.ailab.sources.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A generated folder pushed over smart HTTP (the real {@code git http-backend}, basic auth by a
 * token) with either client: first push, an unchanged re-run, a fast-forward, a remote with
 * unrelated history and one that moved on are refused and left untouched, and the git command
 * never sees the token in its arguments (a wrapper on PATH records them).
 */
class FolderPublisherTest {
    static final String TOKEN = "push-canary-" + UUID.randomUUID();

    @TempDir
    Path tmp;

    record Setup(FolderPublisher publisher, Path argvLog) {
    }

    Setup publisher(String client) throws Exception {
        Path git = RequiredTool.onPath("git");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path log = tmp.resolve("git-argv.log");
        Path wrapper = bin.resolve("git");
        Files.writeString(wrapper, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\nexec '" + git + "' \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        GitSources sources = client.equals("git")
                ? GitSources.using(new CommandGit(wrapper.toString(), Map.of("PATH", bin + ":" + System.getenv("PATH"),
                        "HOME", tmp.toString()), Duration.ofSeconds(60)))
                : GitSources.using(new JGitClient(Duration.ofSeconds(60)));
        return new Setup(new FolderPublisher(sources, List.of(".state/"), "vectorweight", "vectorweight@localhost"), log);
    }

    static GitAuth auth() {
        return new GitAuth(null, null, "x-access-token", TOKEN::toCharArray, null);
    }

    Path bare(String name) throws Exception {
        Path bare = tmp.resolve("repos/" + name + ".git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        return bare;
    }

    @ParameterizedTest
    @ValueSource(strings = {"git", "jgit"})
    void pushesThenFastForwardsAndRefusesWhatWouldNotFastForward(String client) throws Exception {
        Setup s = publisher(client);
        Path bare = bare("lab");
        try (TestGitHttpServer http = new TestGitHttpServer(tmp.resolve("repos"), "x-access-token", TOKEN)) {
            String url = http.url("lab.git");
            Path out = tmp.resolve("out");
            Files.createDirectories(out.resolve(".state"));
            Files.writeString(out.resolve("README.md"), "v1\n");
            Files.writeString(out.resolve(".state/state.json"), "{}\n");

            var first = s.publisher().publish(out, url, "main", "generate", auth(), GitProgress.NONE);
            assertThat(first.pushed()).isTrue();
            assertThat(first.committed()).isEqualTo(first.commit());
            assertThat(remoteHead(bare)).isEqualTo(first.commit());
            assertThat(remoteFiles(bare, first.commit())).containsExactly("README.md"); // the excluded state stays local

            var again = s.publisher().publish(out, url, "main", "generate", auth(), GitProgress.NONE);
            assertThat(again.pushed()).isFalse();
            assertThat(again.committed()).isNull();
            assertThat(s.publisher().status(out, url, "main", auth()).pushed()).isTrue();

            Files.writeString(out.resolve("README.md"), "v2\n");
            var status = s.publisher().status(out, url, "main", auth());
            assertThat(status.pushed()).isFalse();
            assertThat(status.uncommitted()).isEqualTo(1);
            var ff = s.publisher().publish(out, url, "main", "generate", auth(), GitProgress.NONE);
            assertThat(ff.pushed()).isTrue();
            assertThat(remoteHead(bare)).isEqualTo(ff.commit());
            assertThat(new org.eclipse.jgit.storage.file.FileRepositoryBuilder().setGitDir(bare.toFile()).build()
                    .parseCommit(org.eclipse.jgit.lib.ObjectId.fromString(ff.commit())).getParent(0).name())
                    .isEqualTo(first.commit());

            // someone pushes to the remote: ours would no longer fast-forward
            String theirs = commitElsewhere(url, "NOTES.md");
            Files.writeString(out.resolve("README.md"), "v3\n");
            assertThatThrownBy(() -> s.publisher().publish(out, url, "main", "generate", auth(), GitProgress.NONE))
                    .isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining("would not fast-forward").hasMessageContaining("1 commit(s)");
            assertThat(remoteHead(bare)).isEqualTo(theirs);
            var behind = s.publisher().status(out, url, "main", auth());
            assertThat(behind.ahead()).isEqualTo(1); // the v3 commit made before the refusal
            assertThat(behind.behind()).isEqualTo(1);
        }
        if (client.equals("git")) {
            assertThat(Files.readString(s.argvLog())).contains("push").doesNotContain(TOKEN);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"git", "jgit"})
    void aRepositoryWithUnrelatedHistoryIsRefusedAndKept(String client) throws Exception {
        Setup s = publisher(client);
        Path bare = bare("other");
        try (TestGitHttpServer http = new TestGitHttpServer(tmp.resolve("repos"), "x-access-token", TOKEN)) {
            String url = http.url("other.git");
            String theirs = commitElsewhere(url, "README.md");
            Path out = tmp.resolve("out");
            Files.createDirectories(out);
            Files.writeString(out.resolve("README.md"), "ours\n");
            assertThatThrownBy(() -> s.publisher().publish(out, url, "main", "generate", auth(), GitProgress.NONE))
                    .isInstanceOf(OperationFailedException.class).hasMessageContaining("unrelated history")
                    .satisfies(e -> assertThat(((OperationFailedException) e).hint()).contains("empty repository"));
            assertThat(remoteHead(bare)).isEqualTo(theirs);
            assertThat(s.publisher().status(out, url, "main", auth()).related()).isFalse();
        }
    }

    private String commitElsewhere(String url, String file) throws Exception {
        Path work = tmp.resolve("elsewhere-" + UUID.randomUUID());
        var creds = new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider("x-access-token", TOKEN);
        try (Git git = Git.cloneRepository().setURI(url).setDirectory(work.toFile()).setCredentialsProvider(creds).call()) {
            Files.writeString(work.resolve(file), "someone else\n");
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("someone", "someone@example.org");
            String id = git.commit().setMessage("by hand").setAuthor(who).setCommitter(who).setSign(false).call().name();
            git.push().setRemote("origin").setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main"))
                    .setCredentialsProvider(creds).call();
            return id;
        }
    }

    private static String remoteHead(Path bare) throws Exception {
        try (Git git = Git.open(bare.toFile())) {
            var ref = git.getRepository().exactRef("refs/heads/main");
            return ref == null ? null : ref.getObjectId().name();
        }
    }

    private static List<String> remoteFiles(Path bare, String commit) throws Exception {
        try (Git git = Git.open(bare.toFile()); var walk = new org.eclipse.jgit.treewalk.TreeWalk(git.getRepository())) {
            walk.addTree(git.getRepository().parseCommit(org.eclipse.jgit.lib.ObjectId.fromString(commit)).getTree());
            walk.setRecursive(true);
            List<String> files = new java.util.ArrayList<>();
            while (walk.next()) {
                files.add(walk.getPathString());
            }
            return files;
        }
    }
}
