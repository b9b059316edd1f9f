package dev.ailab.generators.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void equalTextsGiveNothing() {
        assertThat(UnifiedDiff.diff("f", "a\nb\n", "a\nb\n")).isEmpty();
    }

    @Test
    void changedLineWithContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";
        assertThat(UnifiedDiff.diff("f.txt", before, after)).isEqualTo("""
                --- a/f.txt
                +++ b/f.txt
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +FIVE
                 6
                 7
                 8
                """);
    }

    @Test
    void newAndDeletedFiles() {
        assertThat(UnifiedDiff.diff("n", null, "x\ny\n")).isEqualTo("--- /dev/null\n+++ b/n\n@@ -0,0 +1,2 @@\n+x\n+y\n");
        assertThat(UnifiedDiff.diff("d", "x\n", null)).isEqualTo("--- a/d\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n");
    }

    @Test
    void distantChangesMakeSeparateHunks() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            a.append(i).append('\n');
            b.append(i == 2 || i == 28 ? "x" + i : String.valueOf(i)).append('\n');
        }
        String d = UnifiedDiff.diff("f", a.toString(), b.toString());
        assertThat(d.split("\n@@ ", -1)).hasSize(3);
        assertThat(d).contains("@@ -1,5 +1,5 @@").contains("@@ -25,6 +25,6 @@");
    }
}
