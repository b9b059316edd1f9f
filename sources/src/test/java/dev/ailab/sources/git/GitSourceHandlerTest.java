package dev.ailab.sources.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.testing.RequiredTool;
import dev.ailab.sources.SourceHandler;
import dev.ailab.sources.SourceHandler.SourceRequest;
import dev.ailab.sources.SourceHandler.SourceRevision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourceHandlerTest {
    @TempDir
    Path tmp;

    @Test
    void clonesThenFollowsTheBranch() throws Exception {
        Path bare = tmp.resolve("up.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Path work = tmp.resolve("author");
        try (Git author = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call()) {
            author.checkout().setOrphan(true).setName("main").call();
            PersonIdent who = new PersonIdent("a", "a@example.org");
            Files.writeString(work.resolve("values.yaml"), "v: 1\n");
            author.add().addFilepattern(".").call();
            String first = author.commit().setMessage("one").setAuthor(who).setCommitter(who).call().name();
            author.push().setRemote("origin").add("main").call();

            SourceHandler handler = GitSources.using(
                    new CommandGit(RequiredTool.onPath("git").toString(), Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString()),
                            Duration.ofSeconds(60))).handler(null, null);
            String url = bare.toUri().toString();
            assertThat(handler.supports(url)).isTrue();
            assertThat(handler.supports("https://example.org/x.tar.gz")).isFalse();
            Path mirror = tmp.resolve("mirror/repo");
            SourceRevision r1 = handler.materialize(new SourceRequest(url, "main", 0), mirror);
            assertThat(r1.id()).isEqualTo(first);

            Files.writeString(work.resolve("values.yaml"), "v: 2\n");
            author.add().addFilepattern(".").call();
            String second = author.commit().setMessage("two").setAuthor(who).setCommitter(who).call().name();
            author.push().setRemote("origin").add("main").call();
            SourceRevision r2 = handler.materialize(new SourceRequest(url, "main", 0), mirror);
            assertThat(r2.id()).isEqualTo(second);
            assertThat(r2.summary()).isEqualTo("two");
            assertThat(mirror.resolve("values.yaml")).hasContent("v: 2");

            assertThatThrownBy(() -> handler.materialize(new SourceRequest(tmp.resolve("other.git").toUri().toString(), "main", 0), mirror))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a clone of");
        }
    }
}
