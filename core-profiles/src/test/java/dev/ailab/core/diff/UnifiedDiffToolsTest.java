package dev.ailab.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real {@code git apply} and GNU {@code patch} accept our diffs, and applying them gives the new file. */
class UnifiedDiffToolsTest {
    private static final String FILE = "conf/app.yaml";

    @TempDir
    Path dir;

    @BeforeAll
    static void toolsExist() {
        RequiredTool.onPath("git");
        RequiredTool.onPath("patch");
    }

    private static String numbers(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append("line ").append(i).append('\n');
        }
        return sb.toString();
    }

    static Stream<Arguments> cases() {
        String base = numbers(1, 40);
        return Stream.of(
                Arguments.of("modification", base, base.replace("line 5\n", "line five\n").replace("line 30\n", "")
                        .replace("line 33\n", "line 33\nnew after 33\n")),
                Arguments.of("added lines at the end", base, base + "line 41\nline 42\n"),
                Arguments.of("added lines at the start", base, "first\n" + base),
                Arguments.of("old file has no newline at the end", "a\nb\nc", "a\nb\nc\n"),
                Arguments.of("new file has no newline at the end", "a\nb\nc\n", "a\nb\nc"),
                Arguments.of("neither has a newline at the end", "a\nb\nc", "a\nB\nc"),
                Arguments.of("neither has one, last line changed", base + "tail", base + "TAIL"),
                Arguments.of("new file", null, "x: 1\ny: 2\n"),
                Arguments.of("new file without newline at the end", null, "x: 1"),
                Arguments.of("deleted file", "x: 1\ny: 2\n", null),
                Arguments.of("empty file gets content", "", "x: 1\n"),
                Arguments.of("file becomes empty", "x: 1\n", ""),
                Arguments.of("new empty file", null, ""),
                Arguments.of("deleted empty file", "", null),
                Arguments.of("carriage returns", "a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gitApplyAndPatchAcceptTheDiff(String name, String before, String after) throws Exception {
        String diff = UnifiedDiff.forPath(FILE, bytes(before), bytes(after));
        assertThat(PatchApplier.apply(before, diff)).isEqualTo(after);
        Path patchFile = dir.resolve("change.patch");
        Files.writeString(patchFile, diff);

        Path gitTree = tree("git", before);
        ok(gitTree, diff, "git", "init", "-q", ".");
        ok(gitTree, diff, "git", "apply", "--check", "-v", patchFile.toString());
        ok(gitTree, diff, "git", "apply", patchFile.toString());
        assertThat(content(gitTree)).as("after git apply").isEqualTo(after);

        Path patchTree = tree("patch", before);
        List<String> patch = new ArrayList<>(List.of("patch", "-p1", "--dry-run", "-i", patchFile.toString()));
        if ("".equals(before) && after == null) {
            // GNU patch asks whether emptying an empty file means the patch is reversed; -f answers no
            patch.add("-f");
        }
        ok(patchTree, diff, patch.toArray(String[]::new));
        patch.remove("--dry-run");
        ok(patchTree, diff, patch.toArray(String[]::new));
        assertThat(content(patchTree)).as("after patch").isEqualTo(after);

        if (before != null && after != null) {
            // the same hunks as git's own diff of the two files
            Path a = Files.writeString(dir.resolve("old"), before);
            Path b = Files.writeString(dir.resolve("new"), after);
            ProcessBuilder pb = process(dir, "git", "diff", "--no-index", "--no-color", "--no-indent-heuristic", "--diff-algorithm=myers",
                    a.toString(), b.toString());
            Process p = pb.redirectErrorStream(true).start();
            String gitDiff = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            assertThat(hunks(diff)).as(gitDiff).isEqualTo(hunks(gitDiff));
        }
    }

    /** From the first hunk on, without the function name git adds after a hunk header. */
    private static String hunks(String diff) {
        int at = diff.indexOf("\n@@ ");
        return (at < 0 ? "" : diff.substring(at + 1)).replaceAll("(?m)^(@@ [^@]* @@).*$", "$1");
    }

    private Path tree(String name, String before) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        if (before != null) {
            Files.createDirectories(root.resolve(FILE).getParent());
            Files.writeString(root.resolve(FILE), before);
        }
        return root;
    }

    private static String content(Path root) throws IOException {
        Path f = root.resolve(FILE);
        return Files.exists(f) ? Files.readString(f) : null;
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static ProcessBuilder process(Path cwd, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        // no user or system configuration (diff.algorithm, apply.whitespace ...)
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        pb.environment().put("GIT_CEILING_DIRECTORIES", cwd.getParent().toString());
        return pb;
    }

    private static void ok(Path cwd, String diff, String... command) throws Exception {
        Process p = process(cwd, command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s exited %d:%n%s%nfor the diff:%n%s", String.join(" ", command), p.exitValue(), output, diff)
                .isZero();
    }
}
