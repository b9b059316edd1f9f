package dev.ailab.core.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes plain values (maps, collections, text, numbers, booleans, null) as block-style YAML that
 * reads back to the same values: two-space indent, maps in their iteration order (pass sorted or
 * insertion-ordered maps on purpose), no anchors, tags or document markers. Text follows the one
 * quoting rule of {@link YamlScalars}. Keys are written as text ({@code String.valueOf}).
 *
 * <p>The layouts differ only where the readers of each file expect it:
 * <ul>
 *   <li>{@link #indented()}: a list sits two spaces deeper than its key, multi-line text is
 *       double-quoted (config and template files);</li>
 *   <li>{@link #manifests()}: a list sits at its key's column, the usual Kubernetes style, and
 *       multi-line text is a literal block scalar ({@code |}) when it can be one;</li>
 *   <li>{@link #withFlowScalarLists()}: a list holding no non-empty map or list is written inline,
 *       {@code [a, b]}.</li>
 * </ul>
 * Writers are immutable and thread-safe.
 */
public final class YamlWriter {
    private static final int MAX_COMMENT_COLUMN = 56;

    private final boolean indentListsUnderKeys;
    private final boolean literalBlocks;
    private final boolean flowScalarLists;

    private YamlWriter(boolean indentListsUnderKeys, boolean literalBlocks, boolean flowScalarLists) {
        this.indentListsUnderKeys = indentListsUnderKeys;
        this.literalBlocks = literalBlocks;
        this.flowScalarLists = flowScalarLists;
    }

    /** Lists two spaces deeper than their key; multi-line text double-quoted. */
    public static YamlWriter indented() {
        return new YamlWriter(true, false, false);
    }

    /** Kubernetes manifest style: lists at their key's column; multi-line text as literal block scalars. */
    public static YamlWriter manifests() {
        return new YamlWriter(false, true, false);
    }

    /** This layout, with lists of scalars (and empty containers) written inline as {@code [a, b]}. */
    public YamlWriter withFlowScalarLists() {
        return new YamlWriter(indentListsUnderKeys, literalBlocks, true);
    }

    /** One document; ends with a newline. An empty map is {@code {}}. */
    public String write(Object document) {
        return write(document, path -> null);
    }

    /**
     * One document with end-of-line comments: {@code commentAt} maps the dotted path of a value
     * ({@code store.url}, {@code clusters[0].name}) to its comment, or null for none. Comments are
     * aligned in one column (lines longer than 56 characters keep theirs one space after).
     * Comments go on lines holding a value, not on the line of a key whose map or list follows.
     */
    public String write(Object document, Function<String, String> commentAt) {
        Lines lines = new Lines(commentAt);
        if (document instanceof Map<?, ?> map && !map.isEmpty()) {
            mapping(map, "", "", "", lines);
        } else if (document instanceof Collection<?> list && !list.isEmpty()) {
            sequence(list, "", "", lines);
        } else {
            value("", document, "  ", "", lines);
        }
        return lines.render();
    }

    /** Writes the entries of {@code map}; the first line starts with {@code firstLead} instead of {@code indent}. */
    private void mapping(Map<?, ?> map, String indent, String firstLead, String path, Lines lines) {
        String lead = firstLead;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String childPath = path.isEmpty() ? key : path + "." + key;
            String head = lead + YamlScalars.block(key) + ":";
            lead = indent;
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                lines.add(head, null);
                mapping(m, indent + "  ", indent + "  ", childPath, lines);
            } else if (v instanceof Collection<?> c && !c.isEmpty() && !isFlow(c)) {
                lines.add(head, null);
                sequence(c, indentListsUnderKeys ? indent + "  " : indent, childPath, lines);
            } else {
                value(head + " ", v, indent + "  ", childPath, lines);
            }
        }
    }

    private void sequence(Collection<?> list, String indent, String path, Lines lines) {
        int i = 0;
        for (Object item : list) {
            String itemPath = path + "[" + i++ + "]";
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                mapping(m, indent + "  ", indent + "- ", itemPath, lines);
            } else if (item instanceof Collection<?> c && !c.isEmpty() && !isFlow(c)) {
                lines.add(indent + "-", null);
                sequence(c, indent + "  ", itemPath, lines);
            } else {
                value(indent + "- ", item, indent + "  ", itemPath, lines);
            }
        }
    }

    /** Whether {@code list} (non-empty) is written inline. */
    private boolean isFlow(Collection<?> list) {
        if (!flowScalarLists) {
            return false;
        }
        for (Object item : list) {
            if ((item instanceof Map<?, ?> m && !m.isEmpty()) || (item instanceof Collection<?> c && !c.isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /** A value that fits after {@code head}: a scalar, an empty container, a flow list or a literal block indented by {@code blockIndent}. */
    private void value(String head, Object v, String blockIndent, String path, Lines lines) {
        String text = literalBlocks && isText(v) ? v.toString() : null;
        if (text != null && isLiteralBlock(text)) {
            String chomp = text.endsWith("\n\n") ? "|+" : text.endsWith("\n") ? "|" : "|-";
            lines.add(head + chomp, lines.commentAt(path));
            String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            for (String line : body.split("\n", -1)) {
                lines.add(line.isEmpty() ? "" : blockIndent + line, null);
            }
            return;
        }
        lines.add(head + inline(v, false), lines.commentAt(path));
    }

    /** Whether {@code v} is written as text (by its {@code toString}). */
    private static boolean isText(Object v) {
        return v != null && !(v instanceof Boolean) && !(v instanceof Number) && !(v instanceof Map<?, ?>)
                && !(v instanceof Collection<?>);
    }

    private String inline(Object v, boolean inFlow) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) ? ".nan" : Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf") : v.toString();
        }
        if (v instanceof Number) {
            return v.toString();
        }
        if (v instanceof Map<?, ?>) {
            return "{}"; // non-empty maps never get here
        }
        if (v instanceof Collection<?> c) {
            List<String> items = new ArrayList<>(c.size());
            c.forEach(item -> items.add(inline(item, true)));
            return "[" + String.join(", ", items) + "]";
        }
        String text = v.toString();
        return inFlow ? YamlScalars.flow(text) : YamlScalars.block(text);
    }

    /**
     * Whether multi-line {@code text} reads back unchanged as a literal block scalar: no carriage
     * returns, tabs or characters that need escapes, no trailing spaces on a line, some content,
     * and the first non-empty line not indented (it fixes the block's indentation).
     */
    static boolean isLiteralBlock(String text) {
        if (text.indexOf('\n') < 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0 || text.contains(" \n")) {
            return false;
        }
        boolean content = false;
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && YamlScalars.needsEscape(text, i)) {
                return false;
            }
            if (!content && c != '\n') {
                if (lineStart && c == ' ') {
                    return false;
                }
                content = true;
            }
            lineStart = c == '\n';
        }
        return content;
    }

    /** Output lines with their optional comments. */
    private static final class Lines {
        private final Function<String, String> commentAt;
        private final List<String> text = new ArrayList<>();
        private final List<String> comments = new ArrayList<>();

        Lines(Function<String, String> commentAt) {
            this.commentAt = commentAt;
        }

        String commentAt(String path) {
            return commentAt.apply(path);
        }

        void add(String line, String comment) {
            text.add(line);
            comments.add(comment);
        }

        String render() {
            int width = 0;
            for (int i = 0; i < text.size(); i++) {
                if (comments.get(i) != null && text.get(i).length() <= MAX_COMMENT_COLUMN) {
                    width = Math.max(width, text.get(i).length());
                }
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i);
                out.append(line);
                if (comments.get(i) != null) {
                    out.append(" ".repeat(Math.max(1, width - line.length() + 2))).append("# ").append(comments.get(i));
                }
                out.append('\n');
            }
            return out.toString();
        }
    }
}
