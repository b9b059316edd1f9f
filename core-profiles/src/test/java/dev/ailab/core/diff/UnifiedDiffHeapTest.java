package dev.ailab.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two 50,000-line files are diffed in a child JVM limited to 256 MB of heap: the bound is
 * proven by the child's exit, not hoped for (an n-by-m table for them would need 10 GB).
 */
class UnifiedDiffHeapTest {
    private static final int LINES = 50_000;

    @TempDir
    Path dir;

    @Test
    void fiftyThousandLinesFitIn256MegabytesOfHeap() throws Exception {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            String line = "line " + i + " of the big file\n";
            before.append(line);
            if (i % 1000 == 500) {
                after.append("changed ").append(i).append('\n');   // 50 lines changed
            } else if (i % 5000 != 4242) {                            // 10 lines deleted
                after.append(line);
            }
            if (i % 10000 == 7777) {                                  // 3 lines inserted, 5 times
                after.append("inserted ").append(i).append(".1\ninserted ").append(i).append(".2\ninserted ").append(i).append(".3\n");
            }
        }
        after.setLength(after.length() - 1);                          // and the last line loses its line feed
        Path a = Files.writeString(dir.resolve("before.txt"), before);
        Path b = Files.writeString(dir.resolve("after.txt"), after);
        Path out = dir.resolve("out.diff");

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BigDiffMain.class.getName(), a.toString(), b.toString(), out.toString(), "big.txt")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the child finishes").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        System.out.println("50,000-line diff in a -Xmx256m JVM: " + output.trim());
        long max = Long.parseLong(output.replaceAll("(?s).*maxMemory=(\\d+).*", "$1"));
        assertThat(max).as("the child's heap limit").isLessThanOrEqualTo(256L * 1024 * 1024);

        String diff = Files.readString(out);
        List<String> lines = UnifiedDiff.lines(diff);
        assertThat(lines.get(0)).isEqualTo("--- a/big.txt\n");
        assertThat(lines.get(1)).isEqualTo("+++ b/big.txt\n");
        assertThat(lines.stream().filter(l -> l.startsWith("@@ "))).hasSize(50 + 10 + 5 + 1);
        assertThat(lines.stream().filter(l -> l.startsWith("-") && !l.startsWith("--- "))).hasSize(50 + 10 + 1);
        assertThat(lines.stream().filter(l -> l.startsWith("+") && !l.startsWith("+++ "))).hasSize(50 + 15 + 1);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("\\ No newline at end of file\n");
        assertThat(diff).contains("@@ -497,7 +497,7 @@\n line 497 of the big file\n line 498 of the big file\n line 499 of the big file\n"
                + "-line 500 of the big file\n+changed 500\n line 501 of the big file\n");
        assertThat(PatchApplier.apply(before.toString(), diff)).isEqualTo(after.toString());
    }
}
