package dev.ailab.core.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    private static byte[] b(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String diff(String path, String before, String after) {
        return UnifiedDiff.forPath(path, b(before), b(after));
    }

    private static String numbers(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void equalTextsGiveNothing() {
        assertThat(diff("f", "a\nb\n", "a\nb\n")).isEmpty();
        assertThat(diff("f", null, null)).isEmpty();
        assertThat(diff("f", "", "")).isEmpty();
    }

    @Test
    void changedLineWithContext() {
        assertThat(diff("f.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n")).isEqualTo("""
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
        assertThat(diff("n", null, "x\ny\n")).isEqualTo("--- /dev/null\n+++ b/n\n@@ -0,0 +1,2 @@\n+x\n+y\n");
        assertThat(diff("d", "x\n", null)).isEqualTo("--- a/d\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n");
    }

    @Test
    void emptyFiles() {
        assertThat(diff("e", "", "x\n")).isEqualTo("--- a/e\n+++ b/e\n@@ -0,0 +1 @@\n+x\n");
        assertThat(diff("e", "x\n", "")).isEqualTo("--- a/e\n+++ b/e\n@@ -1 +0,0 @@\n-x\n");
        // no hunk can create or delete an empty file: git's header alone does
        assertThat(diff("e", null, "")).isEqualTo("diff --git a/e b/e\nnew file mode 100644\n");
        assertThat(diff("e", "", null)).isEqualTo("diff --git a/e b/e\ndeleted file mode 100644\n");
    }

    @Test
    void missingNewlineAtTheEndIsMarked() {
        // only the newline changes: the line differs
        assertThat(diff("f", "a\nb", "a\nb\n")).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +b
                """);
        assertThat(diff("f", "a\nb\n", "a\nb")).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                 a
                -b
                +b
                \\ No newline at end of file
                """);
        // neither side has one, and the last line is context
        assertThat(diff("f", "x\na\nb", "y\na\nb")).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,3 +1,3 @@
                -x
                +y
                 a
                 b
                \\ No newline at end of file
                """);
        assertThat(diff("f", null, "only")).isEqualTo("--- /dev/null\n+++ b/f\n@@ -0,0 +1 @@\n+only\n\\ No newline at end of file\n");
        assertThat(diff("f", "x", "y")).isEqualTo(
                "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n");
    }

    @Test
    void addedLinesAtTheEnd() {
        assertThat(diff("f", numbers(1, 5), numbers(1, 7))).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -3,3 +3,5 @@
                 3
                 4
                 5
                +6
                +7
                """);
    }

    @Test
    void distantChangesMakeSeparateHunksCloseOnesOne() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            a.append(i).append('\n');
            b.append(i == 2 || i == 28 ? "x" + i : String.valueOf(i)).append('\n');
        }
        String d = diff("f", a.toString(), b.toString());
        assertThat(d.split("\n@@ ", -1)).hasSize(3);
        assertThat(d).contains("@@ -1,5 +1,5 @@").contains("@@ -25,6 +25,6 @@");

        // six equal lines between two changes: the contexts meet, one hunk (as diff -u and git)
        String six = diff("f", numbers(1, 20), numbers(1, 20).replace("\n3\n", "\nx\n").replace("\n10\n", "\ny\n"));
        assertThat(six).contains("@@ -1,13 +1,13 @@").containsOnlyOnce("@@ ");
        String seven = diff("f", numbers(1, 20), numbers(1, 20).replace("\n3\n", "\nx\n").replace("\n11\n", "\ny\n"));
        assertThat(seven).contains("@@ -1,6 +1,6 @@").contains("@@ -8,7 +8,7 @@");
    }

    @Test
    void contextCanBeChosen() {
        assertThat(UnifiedDiff.between("a/f", b(numbers(1, 9)), "b/f", b(numbers(1, 9).replace("5\n", "V\n")), 0))
                .isEqualTo("--- a/f\n+++ b/f\n@@ -5 +5 @@\n-5\n+V\n");
        assertThat(UnifiedDiff.between("a/f", b(numbers(1, 9)), "b/f", b(numbers(1, 9).replace("5\n", "")), 0))
                .isEqualTo("--- a/f\n+++ b/f\n@@ -5 +4,0 @@\n-5\n");
        assertThatThrownBy(() -> UnifiedDiff.between("a", b("x"), "b", b("y"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreThoseGiven() {
        assertThat(UnifiedDiff.between("library@HEAD/p.md", b("a\n"), "personal/p.md", b("b\n")))
                .startsWith("--- library@HEAD/p.md\n+++ personal/p.md\n@@ -1 +1 @@\n");
    }

    @Test
    void binaryFilesAreNamedNotPrinted() {
        assertThat(UnifiedDiff.forPath("img.png", new byte[] {1, 0, 2}, new byte[] {1, 0, 3}))
                .isEqualTo("Binary files a/img.png and b/img.png differ\n");
        assertThat(UnifiedDiff.forPath("img.png", null, new byte[] {0})).isEqualTo("Binary files /dev/null and b/img.png differ\n");
        // a carriage return alone is text, as for git
        assertThat(diff("mac.txt", "a\rb\r", "a\rc\r")).contains("-a\rb\r\n\\ No newline at end of file\n");
    }

    @Test
    void crlfLinesKeepTheirCarriageReturn() {
        assertThat(diff("w.txt", "a\r\nb\r\n", "a\r\nc\r\n")).endsWith("@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
    }

    @Test
    void aRewrittenFileTakesLinearTime() {
        StringBuilder a = new StringBuilder();
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            a.append("old ").append(i).append('\n');
            c.append(i % 100 == 0 ? "old " + i : "new " + i).append('\n');
        }
        // lines found in one file only never reach Myers' O(ND) search (D would be 100,000 here)
        String d = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> diff("f", a.toString(), c.toString()));
        assertThat(PatchApplier.apply(a.toString(), d)).isEqualTo(c.toString());
        // one kept line in every hundred: the contexts meet, one hunk over the whole file
        assertThat(d).startsWith("--- a/f\n+++ b/f\n@@ -1,50000 +1,50000 @@\n old 0\n-old 1\n").containsOnlyOnce("@@ ");
    }

    @Test
    void randomEditsApplyAndAreMinimal() {
        Random r = new Random(7);
        for (int round = 0; round < 4000; round++) {
            String before = round % 17 == 0 ? null : random(r);
            String after = round % 19 == 0 ? null : mutate(r, before == null ? random(r) : before);
            int context = r.nextInt(4);
            String d = UnifiedDiff.betweenTexts("a/f", before, "b/f", after, context);
            boolean same = before == null ? after == null : before.equals(after);
            if (same) {
                assertThat(d).isEmpty();
                continue;
            }
            assertThat(PatchApplier.apply(before, d)).as("round %d: %s -> %s%n%s", round, before, after, d).isEqualTo(after);
            int changed = 0;
            for (String line : UnifiedDiff.lines(d)) {
                if (line.startsWith("-") && !line.startsWith("--- ") || line.startsWith("+") && !line.startsWith("+++ ")) {
                    changed++;
                }
            }
            List<String> a = UnifiedDiff.lines(before);
            List<String> bl = UnifiedDiff.lines(after);
            assertThat(changed).as("round %d is a shortest edit script", round).isEqualTo(a.size() + bl.size() - 2 * lcs(a, bl));
        }
    }

    private static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(25);
        for (int i = 0; i < n; i++) {
            sb.append("abcd".charAt(r.nextInt(4)));
            if (r.nextInt(8) == 0) {
                sb.append('x');
            }
            sb.append('\n');
        }
        if (n > 0 && r.nextInt(4) == 0) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static String mutate(Random r, String text) {
        List<String> lines = new java.util.ArrayList<>(UnifiedDiff.lines(text));
        for (int k = r.nextInt(6); k > 0; k--) {
            int op = r.nextInt(3);
            if (op == 0 || lines.isEmpty()) {
                lines.add(r.nextInt(lines.size() + 1), "abcde".charAt(r.nextInt(5)) + "\n");
            } else if (op == 1) {
                lines.remove(r.nextInt(lines.size()));
            } else {
                lines.set(r.nextInt(lines.size()), "z\n");
            }
        }
        String s = String.join("", lines);
        // a line feed may only be missing at the very end
        StringBuilder sb = new StringBuilder();
        for (String line : UnifiedDiff.lines(s)) {
            sb.append(line.endsWith("\n") ? line : line + "\n");
        }
        if (sb.length() > 0 && r.nextInt(3) == 0) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
