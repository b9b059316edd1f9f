package dev.ailab.core.template;

/**
 * The blocks {@code ai-lab service} owns inside a monorepo's shared files. A block is keyed by
 * the service's name: in files with {@code #} comments it runs from {@code # >>> ai-lab service
 * NAME} to {@code # <<< ai-lab service NAME}; in a Markdown table it is one row ending in
 * {@code <!-- ai-lab service NAME -->} (a comment line would end the table). New blocks go just
 * above the file's anchor line, so everything else in the file keeps its bytes and its order.
 * Work is on character offsets, never on re-joined lines, so line endings survive as they are.
 */
public final class ServiceBlocks {
    /** The text of the anchor line that new blocks are put above. */
    public static final String ANCHOR = "ai-lab service blocks above this line";

    /** How a file marks its blocks. */
    public enum Style {
        HASH_COMMENTS,
        MARKDOWN_ROW
    }

    /** Characters {@code [start, end)} of a block or line, its trailing newline included. */
    public record Span(int start, int end) {
    }

    private ServiceBlocks() {
    }

    public static String begin(String name) {
        return "# >>> ai-lab service " + name;
    }

    public static String end(String name) {
        return "# <<< ai-lab service " + name;
    }

    public static String rowMarker(String name) {
        return "<!-- ai-lab service " + name + " -->";
    }

    /** The block of {@code name} in {@code text}, or null. */
    public static Span find(String text, String name, Style style) {
        int start = -1;
        for (int pos = 0; pos < text.length(); ) {
            int nl = text.indexOf('\n', pos);
            int next = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(pos, nl < 0 ? text.length() : nl).strip();
            if (style == Style.MARKDOWN_ROW) {
                if (line.startsWith("|") && line.endsWith(rowMarker(name) + " |")) {
                    return new Span(pos, next);
                }
            } else if (start < 0 && line.equals(begin(name))) {
                start = pos;
            } else if (start >= 0 && line.equals(end(name))) {
                return new Span(start, next);
            }
            pos = next;
        }
        return null;
    }

    /** The anchor line, or null when the file has none. */
    public static Span anchor(String text) {
        for (int pos = 0; pos < text.length(); ) {
            int nl = text.indexOf('\n', pos);
            int next = nl < 0 ? text.length() : nl + 1;
            if (text.substring(pos, nl < 0 ? text.length() : nl).contains(ANCHOR)) {
                return new Span(pos, next);
            }
            pos = next;
        }
        return null;
    }

    /** The leading blanks of the anchor line: blocks are indented like it. */
    public static String indent(String text, Span anchor) {
        int i = anchor.start();
        while (i < anchor.end() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(anchor.start(), i);
    }

    /** {@code text} with {@code block} put just above the anchor line. */
    public static String insert(String text, Span anchor, String block) {
        return text.substring(0, anchor.start()) + block + text.substring(anchor.start());
    }

    public static String cut(String text, Span block) {
        return text.substring(0, block.start()) + text.substring(block.end());
    }

    public static String text(String text, Span block) {
        return text.substring(block.start(), block.end());
    }

    /** {@code lines} as a block: markers around them, each line indented by {@code indent}. */
    public static String wrap(String name, String indent, String... lines) {
        StringBuilder b = new StringBuilder();
        b.append(indent).append(begin(name)).append('\n');
        for (String line : lines) {
            b.append(line.isEmpty() || line.startsWith("\t") ? line : indent + line).append('\n');
        }
        b.append(indent).append(end(name)).append('\n');
        return b.toString();
    }
}
