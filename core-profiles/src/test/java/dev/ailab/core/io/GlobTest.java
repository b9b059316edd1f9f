package dev.ailab.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobTest {
    private static final List<String> PATHS = List.of("prompts/a.md", "prompts/x/b.md", "prompts/x/y/c.md",
            "prompts/a.txt", "other/prompts/d.md", "README.md", "prompts.md", "agents/x/a.md", "lib/[v]/e.md");
    private static final List<String> PATTERNS = List.of("prompts/**/*.md", "**/*.md", "*.md", "prompts/*",
            "prompts/**", "prompts/?.md", "**/x/*.md", "prompts/[ab].md", "prompts/[!a].*", "a.md", "**/prompts/*.md",
            "/README.md", "prompts/x/**/c.md");

    /** Every pattern selects exactly what git's own matcher selects from the same tracked files. */
    @Test
    void matchesWhatGitLsFilesMatches(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");
        for (String path : PATHS) {
            Files.createDirectories(repo.resolve(path).getParent() == null ? repo : repo.resolve(path).getParent());
            Files.writeString(repo.resolve(path), path);
        }
        git(repo, "add", "-A");
        for (String pattern : PATTERNS) {
            // git's pathspec ':(glob)' for patterns with a '/', and its basename rule otherwise.
            String spec = pattern.contains("/") ? ":(glob)" + pattern.replaceFirst("^/", "") : ":(glob)**/" + pattern;
            List<String> expected = git(repo, "ls-files", "--", spec);
            Glob glob = Glob.of(pattern);
            List<String> ours = PATHS.stream().filter(glob::matches).sorted().toList();
            assertThat(ours).as(pattern).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(Glob.of("prompts/**/*.md").matches("prompts/a.md")).as("** spans zero folders").isTrue();
    }

    @Test
    void anUnclosedSetIsAClearError() {
        assertThatThrownBy(() -> Glob.of("prompts/[ab.md")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never closed");
    }

    private static List<String> git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }
}
