package dev.ailab.core.diff;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.DeltaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Unified diffs of two versions of a file, as {@code diff -u} and {@code git diff} print them, for
 * every front (the vectorweight plan, the ai-config library) so that both show the same diff of
 * the same change, and {@code git apply} and {@code patch -p1} accept it.
 *
 * <p>Lines are compared with their line feed, so a last line without one differs from the same
 * line with one, and is followed by {@code \ No newline at end of file}. A missing version (null)
 * is {@code /dev/null}. A file created or deleted with no content cannot be written as hunks: it
 * gets git's header ({@code diff --git}, {@code new file mode} or {@code deleted file mode}) alone.
 *
 * <p>The edit script is Myers' O(ND) diff in linear space (java-diff-utils), after the common
 * head and tail and the lines found in one file only are set aside: memory grows with the
 * files' length, not with its square.
 */
public final class UnifiedDiff {
    /** Lines of context around each change, as diff and git print by default. */
    public static final int CONTEXT = 3;

    /** Git looks this far into a file for a NUL byte to call it binary. */
    private static final int BINARY_PROBE = 8000;

    private static final String NO_NEWLINE = "\\ No newline at end of file\n";

    private UnifiedDiff() {
    }

    /** A diff of {@code path} with git's names {@code a/path} and {@code b/path}; empty when nothing changed. */
    public static String forPath(String path, byte[] before, byte[] after) {
        return between("a/" + path, before, "b/" + path, after, CONTEXT);
    }

    /** As {@link #between(String, byte[], String, byte[], int)} with three lines of context. */
    public static String between(String oldName, byte[] before, String newName, byte[] after) {
        return between(oldName, before, newName, after, CONTEXT);
    }

    /**
     * The diff from {@code before} (named {@code oldName} in the header) to {@code after}; null
     * content means the file does not exist. Empty when both are equal; {@code Binary files ...
     * differ} when either holds a NUL byte in its first 8000 bytes (git's rule); text is UTF-8.
     */
    public static String between(String oldName, byte[] before, String newName, byte[] after, int context) {
        if (before == null && after == null || before != null && after != null && Arrays.equals(before, after)) {
            return "";
        }
        if (binary(before) || binary(after)) {
            return "Binary files " + (before == null ? "/dev/null" : oldName) + " and " + (after == null ? "/dev/null" : newName)
                    + " differ\n";
        }
        return betweenTexts(oldName, text(before), newName, text(after), context);
    }

    /** As {@link #between(String, byte[], String, byte[], int)} for text already decoded (no binary check). */
    public static String betweenTexts(String oldName, String before, String newName, String after, int context) {
        if (context < 0) {
            throw new IllegalArgumentException("negative context: " + context);
        }
        if (before == null && after == null || before != null && before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.isEmpty() && b.isEmpty()) {
            // created or deleted with no content: no hunk can say so, git's extended header does
            return "diff --git " + oldName + " " + newName + "\n" + (before == null ? "new" : "deleted") + " file mode 100644\n";
        }
        List<Change> changes = changes(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(before == null ? "/dev/null" : oldName).append('\n');
        out.append("+++ ").append(after == null ? "/dev/null" : newName).append('\n');
        int first = 0;
        while (first < changes.size()) {
            // a hunk takes every following change whose context would touch or overlap its own
            int last = first;
            while (last + 1 < changes.size()
                    && changes.get(last + 1).startOriginal - changes.get(last).endOriginal <= 2 * context) {
                last++;
            }
            hunk(out, a, b, changes.subList(first, last + 1), context);
            first = last + 1;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<String> a, List<String> b, List<Change> changes, int context) {
        Change head = changes.get(0);
        Change tail = changes.get(changes.size() - 1);
        int aStart = Math.max(0, head.startOriginal - context);
        int bStart = head.startRevised - (head.startOriginal - aStart);
        int aEnd = Math.min(a.size(), tail.endOriginal + context);
        int bEnd = tail.endRevised + (aEnd - tail.endOriginal);
        out.append("@@ -").append(range(aStart, aEnd - aStart)).append(" +").append(range(bStart, bEnd - bStart)).append(" @@\n");
        int i = aStart;
        for (Change c : changes) {
            for (; i < c.startOriginal; i++) {
                line(out, ' ', a.get(i));
            }
            for (; i < c.endOriginal; i++) {
                line(out, '-', a.get(i));
            }
            for (int j = c.startRevised; j < c.endRevised; j++) {
                line(out, '+', b.get(j));
            }
        }
        for (; i < aEnd; i++) {
            line(out, ' ', a.get(i));
        }
    }

    /** {@code start} is 0-based; an empty range names the line before it, as diff does. */
    private static String range(int start, int length) {
        if (length == 1) {
            return String.valueOf(start + 1);
        }
        return (length == 0 ? start : start + 1) + "," + length;
    }

    private static void line(StringBuilder out, char mark, String line) {
        out.append(mark).append(line);
        if (!line.endsWith("\n")) {
            out.append('\n').append(NO_NEWLINE);
        }
    }

    /**
     * The edit script, positions in the whole files. The algorithm never sees the common head and
     * tail, nor a line that the other file does not hold at all (it can only be deleted or
     * inserted: setting it aside keeps the script shortest, and a rewritten file costs linear
     * time instead of quadratic).
     */
    private static List<Change> changes(List<String> a, List<String> b) {
        boolean[] keptA = new boolean[a.size()];
        boolean[] keptB = new boolean[b.size()];
        int head = 0;
        int max = Math.min(a.size(), b.size());
        while (head < max && a.get(head).equals(b.get(head))) {
            keptA[head] = true;
            keptB[head] = true;
            head++;
        }
        int tail = 0;
        while (tail < max - head && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            keptA[a.size() - 1 - tail] = true;
            keptB[b.size() - 1 - tail] = true;
            tail++;
        }
        List<String> aMiddle = a.subList(head, a.size() - tail);
        List<String> bMiddle = b.subList(head, b.size() - tail);
        int[] aShared = shared(aMiddle, new HashSet<>(bMiddle));
        int[] bShared = shared(bMiddle, new HashSet<>(aMiddle));
        if (aShared.length > 0 && bShared.length > 0) {
            List<String> aLines = pick(aMiddle, aShared);
            List<String> bLines = pick(bMiddle, bShared);
            int i = 0;
            int j = 0;
            for (Change c : new MyersDiffWithLinearSpace<String>().computeDiff(aLines, bLines, null)) {
                if (c.deltaType == DeltaType.EQUAL) {
                    continue;
                }
                for (; i < c.startOriginal; i++, j++) {
                    keptA[head + aShared[i]] = true;
                    keptB[head + bShared[j]] = true;
                }
                i = c.endOriginal;
                j = c.endRevised;
            }
            for (; i < aLines.size(); i++, j++) {
                keptA[head + aShared[i]] = true;
                keptB[head + bShared[j]] = true;
            }
        }
        // the kept lines pair up in order; each run of lines between two pairs is one change
        List<Change> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && keptA[i] && keptB[j]) {
                i++;
                j++;
                continue;
            }
            int i0 = i;
            int j0 = j;
            while (i < a.size() && !keptA[i]) {
                i++;
            }
            while (j < b.size() && !keptB[j]) {
                j++;
            }
            changes.add(new Change(i == i0 ? DeltaType.INSERT : j == j0 ? DeltaType.DELETE : DeltaType.CHANGE, i0, i, j0, j));
        }
        return changes;
    }

    /** Positions in {@code lines} of the lines that {@code other} holds too. */
    private static int[] shared(List<String> lines, Set<String> other) {
        int[] at = new int[lines.size()];
        int n = 0;
        for (int k = 0; k < lines.size(); k++) {
            if (other.contains(lines.get(k))) {
                at[n++] = k;
            }
        }
        return Arrays.copyOf(at, n);
    }

    private static List<String> pick(List<String> lines, int[] at) {
        List<String> picked = new ArrayList<>(at.length);
        for (int k : at) {
            picked.add(lines.get(k));
        }
        return picked;
    }

    /** The lines of {@code text}, each with its line feed; the last one may have none. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(from, end));
            from = end;
        }
        return lines;
    }

    private static boolean binary(byte[] content) {
        if (content == null) {
            return false;
        }
        int n = Math.min(content.length, BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String text(byte[] content) {
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }
}
