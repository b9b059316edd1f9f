package dev.ailab.sources.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A bare "upstream" repository and an author's clone that commits to it with JGit. */
final class Upstream implements AutoCloseable {
    final Path bare;
    final Path work;
    private final Git author;

    Upstream(Path root, boolean library) {
        try {
            bare = root.resolve("upstream.git");
            work = root.resolve("author");
            Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
            author = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call();
            author.checkout().setOrphan(true).setName("main").call();
            if (library) {
                write("library.yaml", "name: team library\nformat: 1\n");
            }
            write("prompts/review.md", "Review the change.\nBe kind.\n");
            write("prompts/explain.md", "Explain the code.\n");
            write("agents/coder.yaml", "name: coder\nmodel: big\n");
            write("old/legacy.md", "legacy\n");
            commit("first version");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return bare.toUri().toString();
    }

    Upstream write(String path, String content) {
        try {
            Path f = work.resolve(path);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Upstream delete(String path) {
        try {
            Files.delete(work.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String commit(String message) {
        try {
            author.add().addFilepattern(".").call();
            author.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = new PersonIdent("Author", "author@example.org");
            RevCommit c = author.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
            author.push().setRemote("origin").add("main").call();
            return c.name();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under {@code dir} (outside .git) with its exact bytes. */
    static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith(".git")).sorted(Comparator.naturalOrder())
                    .forEach(p -> {
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
