package dev.ailab.core.template.update;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A three-way merge of text files by lines, as diff3 and git do it: the changes from the base to
 * each side are found (Myers' diff, java-diff-utils), a change made by one side only is taken,
 * the same change made by both is taken once, and changes of the two sides that overlap or touch
 * become one conflict, written in git's marker style around those lines only.
 *
 * <p>Bytes are read as ISO-8859-1 (one char per byte), so any encoding and any line ending
 * survives the merge unchanged.
 */
public final class Merge3 {
    /** The merged bytes and the number of conflicts written into them. */
    public record Result(byte[] content, int conflicts) {
    }

    /** One change from the base: base lines {@code [start, end)} replaced by {@code lines}. */
    private record Edit(int start, int end, List<String> lines) {
    }

    private Merge3() {
    }

    /**
     * @param oursLabel   shown after {@code <<<<<<< }, for example {@code yours}
     * @param theirsLabel shown after {@code >>>>>>> }, for example {@code python 1.1.0}
     */
    public static Result merge(byte[] base, byte[] ours, byte[] theirs, String oursLabel, String theirsLabel) {
        List<String> b = lines(base);
        List<Edit> mine = edits(b, lines(ours));
        List<Edit> other = edits(b, lines(theirs));
        StringBuilder out = new StringBuilder(Math.max(ours.length, theirs.length) + 64);
        int conflicts = 0;
        int pos = 0;
        int i = 0;
        int j = 0;
        while (i < mine.size() || j < other.size()) {
            boolean takeMine = j >= other.size() || i < mine.size() && mine.get(i).start() <= other.get(j).start();
            int start = takeMine ? mine.get(i).start() : other.get(j).start();
            int end = takeMine ? mine.get(i).end() : other.get(j).end();
            int i0 = i;
            int j0 = j;
            if (takeMine) {
                i++;
            } else {
                j++;
            }
            // gather every change of either side that overlaps or touches the region so far
            boolean grew = true;
            while (grew) {
                grew = false;
                while (i < mine.size() && mine.get(i).start() <= end) {
                    end = Math.max(end, mine.get(i++).end());
                    grew = true;
                }
                while (j < other.size() && other.get(j).start() <= end) {
                    end = Math.max(end, other.get(j++).end());
                    grew = true;
                }
            }
            append(out, b, pos, start);
            List<Edit> mineHere = mine.subList(i0, i);
            List<Edit> otherHere = other.subList(j0, j);
            if (otherHere.isEmpty()) {
                out.append(side(b, start, end, mineHere));
            } else if (mineHere.isEmpty()) {
                out.append(side(b, start, end, otherHere));
            } else {
                String m = side(b, start, end, mineHere);
                String o = side(b, start, end, otherHere);
                if (m.equals(o)) {
                    out.append(m);
                } else {
                    conflicts++;
                    out.append("<<<<<<< ").append(latin1(oursLabel)).append('\n');
                    out.append(m);
                    endLine(out);
                    out.append("=======\n");
                    out.append(o);
                    endLine(out);
                    out.append(">>>>>>> ").append(latin1(theirsLabel)).append('\n');
                }
            }
            pos = end;
        }
        append(out, b, pos, b.size());
        return new Result(out.toString().getBytes(StandardCharsets.ISO_8859_1), conflicts);
    }

    /** True when {@code content} holds a NUL byte in its first 8000 bytes (git's rule for binary). */
    public static boolean binary(byte[] content) {
        int n = Math.min(content.length, 8000);
        for (int k = 0; k < n; k++) {
            if (content[k] == 0) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code content} holds a line that opens a conflict ({@code <<<<<<< } at the start of a line). */
    public static boolean hasMarkers(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        return text.startsWith("<<<<<<< ") || text.contains("\n<<<<<<< ");
    }

    private static String side(List<String> base, int start, int end, List<Edit> edits) {
        StringBuilder s = new StringBuilder();
        int pos = start;
        for (Edit e : edits) {
            append(s, base, pos, e.start());
            e.lines().forEach(s::append);
            pos = e.end();
        }
        append(s, base, pos, end);
        return s.toString();
    }

    private static void append(StringBuilder out, List<String> lines, int from, int to) {
        for (int k = from; k < to; k++) {
            out.append(lines.get(k));
        }
    }

    /** A marker must start a line, also after a last line without a line feed. */
    private static void endLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static String latin1(String label) {
        return new String(label.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static List<Edit> edits(List<String> base, List<String> side) {
        List<Edit> edits = new ArrayList<>();
        for (AbstractDelta<String> d : DiffUtils.diff(base, side).getDeltas()) {
            int start = d.getSource().getPosition();
            edits.add(new Edit(start, start + d.getSource().size(), d.getTarget().getLines()));
        }
        edits.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return edits;
    }

    /** The lines of {@code content}, each with its line feed (the last may have none). */
    static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                lines.add(text.substring(from, k + 1));
                from = k + 1;
            }
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return lines;
    }
}
