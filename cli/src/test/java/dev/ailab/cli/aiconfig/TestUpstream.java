package dev.ailab.cli.aiconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** A bare upstream repository with an author clone committing to it (JGit). */
public final class TestUpstream implements AutoCloseable {
    final Path bare;
    final Path work;
    private final Git author;

    public TestUpstream(Path root, boolean library) {
        try {
            bare = root.resolve("upstream.git");
            work = root.resolve("author");
            Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
            author = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call();
            author.checkout().setOrphan(true).setName("main").call();
            if (library) {
                write("library.yaml", "name: team\nformat: 1\n");
            }
            write("prompts/review.md", "Review the change.\n");
            write("prompts/explain.md", "Explain the code.\n");
            write("agents/coder.yaml", "name: coder\n");
            commit("first");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return bare.toUri().toString();
    }

    public TestUpstream write(String path, String content) {
        try {
            Path f = work.resolve(path);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestUpstream delete(String path) {
        try {
            Files.delete(work.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String commit(String message) {
        try {
            author.add().addFilepattern(".").call();
            author.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = new PersonIdent("Author", "author@example.org");
            String id = author.commit().setMessage(message).setAuthor(who).setCommitter(who).call().name();
            author.push().setRemote("origin").add("main").call();
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith(".git")).forEach(p -> {
                try {
                    files.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Override
    public void close() {
        author.close();
    }
}
