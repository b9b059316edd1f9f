package dev.ailab.sources.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.error.ToolkitException;
import dev.ailab.core.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The entry point: which client it picks, and a checkout at a branch, tag or commit with either client. */
class GitSourcesTest {
    @TempDir
    static Path tmp;
    static String url;
    static String v1;
    static String v2;
    static String onOther;

    @BeforeAll
    static void repository() throws Exception {
        Path repo = tmp.resolve("tpl");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            PersonIdent who = new PersonIdent("t", "t@example.org");
            Files.writeString(repo.resolve("hello.txt"), "v1\n");
            git.add().addFilepattern(".").call();
            v1 = git.commit().setMessage("v1").setSign(false).setAuthor(who).setCommitter(who).call().name();
            git.tag().setName("v1").setAnnotated(false).call();
            git.tag().setName("v1-annotated").setAnnotated(true).setMessage("v1").setTagger(who).setSigned(false).call();
            git.checkout().setCreateBranch(true).setName("other").call();
            Files.writeString(repo.resolve("hello.txt"), "other\n");
            onOther = git.commit().setAll(true).setMessage("other").setSign(false).setAuthor(who).setCommitter(who).call().name();
            git.checkout().setName("main").call();
            Files.writeString(repo.resolve("hello.txt"), "v2\n");
            v2 = git.commit().setAll(true).setMessage("v2").setSign(false).setAuthor(who).setCommitter(who).call().name();
        }
        url = repo.toUri().toString();
    }

    static Stream<String> clients() {
        return Stream.of("git", "jgit");
    }

    static GitSources sources(String name) {
        if (name.equals("git")) {
            return GitSources.using(new CommandGit(RequiredTool.onPath("git").toString(),
                    Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString()), Duration.ofSeconds(60)));
        }
        return GitSources.using(new JGitClient(Duration.ofSeconds(60)));
    }

    static Path into(String name) {
        return tmp.resolve("checkouts/" + name + "-" + System.nanoTime());
    }

    @Test
    void detectTakesTheGitCommandWhenInstalledUnlessJGitIsForced() {
        String path = RequiredTool.onPath("git").getParent().toString();
        assertThat(GitSources.detect(Map.of("PATH", path)).clientName()).isEqualTo("git");
        assertThat(GitSources.detect(Map.of("PATH", path, "AI_CONFIG_GIT", "git")).clientName()).isEqualTo("git");
        assertThat(GitSources.detect(Map.of("PATH", path, "AI_CONFIG_GIT", "jgit")).clientName()).isEqualTo("jgit");
        assertThat(GitSources.detect(Map.of("PATH", tmp.resolve("no-bin").toString())).clientName()).isEqualTo("jgit");
        assertThat(GitSources.detect(Map.of()).client()).isInstanceOf(JGitClient.class);
    }

    @ParameterizedTest
    @MethodSource("clients")
    void checksOutTheDefaultBranchABranchATagOrACommit(String name) throws Exception {
        GitSources git = sources(name);
        Path head = into(name);
        assertThat(git.checkout(url, null, head, GitAuth.none(), GitProgress.NONE)).isEqualTo(v2);
        assertThat(head.resolve("hello.txt")).hasContent("v2");

        Path tag = into(name);
        Files.createDirectories(tag); // an empty folder is fine, as a fresh temporary folder
        assertThat(git.checkout(url, "v1", tag, null, null)).isEqualTo(v1);
        assertThat(tag.resolve("hello.txt")).hasContent("v1");

        Path annotated = into(name);
        assertThat(git.checkout(url, "v1-annotated", annotated, GitAuth.none(), GitProgress.NONE)).isEqualTo(v1);

        Path branch = into(name);
        assertThat(git.checkout(url, "other", branch, GitAuth.none(), GitProgress.NONE)).isEqualTo(onOther);
        assertThat(branch.resolve("hello.txt")).hasContent("other");

        Path commit = into(name);
        assertThat(git.checkout(url, onOther.substring(0, 10), commit, GitAuth.none(), GitProgress.NONE)).isEqualTo(onOther);
        assertThat(commit.resolve("hello.txt")).hasContent("other");
    }

    @ParameterizedTest
    @MethodSource("clients")
    void aMissingRefOrCommitIsTheUsersMistake(String name) {
        GitSources git = sources(name);
        assertThatThrownBy(() -> git.checkout(url, "no-such-ref", into(name), GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
                    assertThat(e.getMessage()).isEqualTo("git ref 'no-such-ref' not found in " + url);
                    assertThat(e.hint()).isEqualTo("give a branch, a tag or a commit id that exists there");
                });
        assertThatThrownBy(() -> git.checkout(url, "0123456789abcdef", into(name), GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
                    assertThat(e.getMessage()).isEqualTo("commit '0123456789abcdef' not found in " + url);
                });
    }

    @ParameterizedTest
    @MethodSource("clients")
    void anUnreachableRepositoryIsAnExternalFailure(String name) {
        GitSources git = sources(name);
        String missing = tmp.resolve("missing-repo").toUri().toString();
        assertThatThrownBy(() -> git.checkout(missing, null, into(name), GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.EXTERNAL);
                    assertThat(e.getMessage()).startsWith("cannot clone " + missing + ": ").contains("missing-repo");
                    assertThat(e.hint()).startsWith("check the URL");
                });
    }

    @ParameterizedTest
    @MethodSource("clients")
    void secretsInTheUrlAreNotRepeated(String name) {
        GitSources git = sources(name);
        String withToken = "http://user:tok-secret@127.0.0.1:9/none.git";
        assertThatThrownBy(() -> git.checkout(withToken, null, into(name), GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.getMessage()).doesNotContain("tok-secret"));
    }
}
