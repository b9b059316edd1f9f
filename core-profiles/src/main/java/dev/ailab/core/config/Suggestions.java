package dev.ailab.core.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for mistyped keys and values: the closest candidate by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code input}, or null when none is close enough. Case, '-' and
     * '_' are ignored first (so {@code projectName} finds {@code project_name}); then up to one
     * edit per three characters counts as close, with transposed letters as one edit.
     */
    public static String closest(String input, Collection<String> candidates) {
        if (input == null || input.isEmpty()) {
            return null;
        }
        String normal = normalize(input);
        for (String c : candidates) {
            if (normalize(c).equals(normal)) {
                return c;
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(input.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(input.length(), best == null ? 0 : best.length()) / 3);
        if (best != null && bestDistance <= allowed) {
            return best;
        }
        // A candidate that starts with what was typed (a cut-off key) is a fair guess too.
        for (String c : candidates) {
            if (input.length() >= 3 && c.startsWith(input.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return null;
    }

    private static String normalize(String s) {
        return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
