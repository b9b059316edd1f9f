package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.testing.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One man page per command, read by the real man/groff without a warning. */
class ManPagesTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandGetsAPageThatGroffReadsCleanly() throws Exception {
        List<Path> pages = ManPages.write(dir);
        assertThat(pages).extracting(p -> p.getFileName().toString())
                .contains("ai-lab.1", "ai-lab-work-add.1", "vectorweight-generate.1", "ai-config-library-update.1")
                .doesNotHaveDuplicates();
        Path groff = RequiredTool.onPath("groff");
        List<String> warnings = new ArrayList<>();
        for (Path page : pages) {
            Run r = run(List.of(groff.toString(), "-man", "-Tutf8", "-ww", "-z", page.toString()), Map.of());
            if (r.code != 0 || !r.output.isBlank()) {
                warnings.add(page.getFileName() + ": " + r.output);
            }
        }
        assertThat(warnings).as("groff warnings").isEmpty();
    }

    @Test
    void manShowsTheCommandsHelpAndExamples() throws Exception {
        ManPages.write(dir);
        Path man = RequiredTool.onPath("groff", "man");
        Run r = run(List.of(man.toString(), "-l", dir.resolve("ai-lab-work-add.1").toString()),
                Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat"));
        assertThat(r.code).as(r.output).isZero();
        assertThat(r.output)
                .contains("ai-lab-work-add - ")
                .contains("--priority")
                .contains("ai-lab work add 'Fix the login page'")
                .contains("EXIT STATUS");
    }

    private record Run(int code, String output) {
    }

    private static Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
