package dev.ailab.core.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of one file's unified diff for tests: applies it to the old text, checking every
 * context and removed line (with its line feed or not) and every hunk header's counts.
 */
final class PatchApplier {
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@\n");

    private PatchApplier() {
    }

    /** The new text; null when the diff deletes the file. */
    static String apply(String before, String diff) {
        List<String> d = UnifiedDiff.lines(diff);
        if (d.size() == 2 && d.get(0).startsWith("diff --git ")) {
            if (d.get(1).equals("new file mode 100644\n") && before == null) {
                return "";
            }
            if (d.get(1).equals("deleted file mode 100644\n") && "".equals(before)) {
                return null;
            }
            throw new AssertionError("bad header-only diff " + diff);
        }
        if (!d.get(0).startsWith("--- ") || !d.get(1).startsWith("+++ ")) {
            throw new AssertionError("no file header: " + diff);
        }
        boolean created = d.get(0).equals("--- /dev/null\n");
        boolean deleted = d.get(1).equals("+++ /dev/null\n");
        if (created != (before == null)) {
            throw new AssertionError("creation does not match: " + diff);
        }
        List<String> a = UnifiedDiff.lines(before);
        List<String> out = new ArrayList<>();
        int aPos = 0;
        int i = 2;
        int lastNewStart = -1;
        while (i < d.size()) {
            Matcher m = HUNK.matcher(d.get(i));
            if (!m.matches()) {
                throw new AssertionError("expected a hunk header at line " + (i + 1) + ": " + d.get(i));
            }
            int oldStart = Integer.parseInt(m.group(1));
            int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int newStart = Integer.parseInt(m.group(3));
            int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            int from = oldCount == 0 ? oldStart : oldStart - 1;
            if (from < aPos || newStart <= lastNewStart) {
                throw new AssertionError("hunks out of order at line " + (i + 1));
            }
            out.addAll(a.subList(aPos, from));
            aPos = from;
            if ((newCount == 0 ? newStart : newStart - 1) != out.size()) {
                throw new AssertionError("new start " + newStart + " does not match at line " + (i + 1));
            }
            lastNewStart = newStart;
            i++;
            // body lines with their marks; a following "\ No newline" takes the previous one's line feed off
            List<String> body = new ArrayList<>();
            while (i < d.size() && !d.get(i).startsWith("@@ ")) {
                String line = d.get(i);
                if (line.equals("\\ No newline at end of file\n")) {
                    String prev = body.remove(body.size() - 1);
                    if (!prev.endsWith("\n")) {
                        throw new AssertionError("two markers at line " + (i + 1));
                    }
                    body.add(prev.substring(0, prev.length() - 1));
                } else if (line.isEmpty() || " -+".indexOf(line.charAt(0)) < 0 || !line.endsWith("\n")) {
                    throw new AssertionError("bad body line " + (i + 1) + ": " + line);
                } else {
                    body.add(line);
                }
                i++;
            }
            int olds = 0;
            int news = 0;
            for (String line : body) {
                char mark = line.charAt(0);
                String text = line.substring(1);
                if (mark != '+') {
                    if (aPos >= a.size() || !a.get(aPos).equals(text)) {
                        throw new AssertionError("line " + (aPos + 1) + " does not match: " + text);
                    }
                    aPos++;
                    olds++;
                }
                if (mark != '-') {
                    out.add(text);
                    news++;
                }
            }
            if (olds != oldCount || news != newCount) {
                throw new AssertionError("counts " + olds + "/" + news + " do not match the header " + m.group());
            }
        }
        out.addAll(a.subList(aPos, a.size()));
        for (int k = 0; k < out.size() - 1; k++) {
            if (!out.get(k).endsWith("\n")) {
                throw new AssertionError("a line without line feed inside the result");
            }
        }
        String result = String.join("", out);
        if (deleted) {
            if (!result.isEmpty()) {
                throw new AssertionError("deletion leaves content");
            }
            return null;
        }
        return result;
    }
}
