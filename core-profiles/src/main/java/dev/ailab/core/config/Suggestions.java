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

    /** Words a long name loses first when it has to be shortened. */
    private static final java.util.Set<String> FILLER = java.util.Set.of(
            "the", "a", "an", "of", "for", "and", "in", "on", "at", "to", "with", "very", "my", "our");
    /** Usual short forms, applied when dropping filler words is not enough. */
    private static final java.util.Map<String, String> SHORT = java.util.Map.ofEntries(
            java.util.Map.entry("production", "prod"), java.util.Map.entry("development", "dev"),
            java.util.Map.entry("staging", "stage"), java.util.Map.entry("environment", "env"),
            java.util.Map.entry("kubernetes", "k8s"), java.util.Map.entry("experimental", "exp"),
            java.util.Map.entry("experiment", "exp"), java.util.Map.entry("laboratory", "lab"),
            java.util.Map.entry("application", "app"), java.util.Map.entry("applications", "apps"),
            java.util.Map.entry("database", "db"), java.util.Map.entry("service", "svc"),
            java.util.Map.entry("services", "svcs"), java.util.Map.entry("cluster", "cl"),
            java.util.Map.entry("inference", "infer"), java.util.Map.entry("training", "train"));

    /**
     * A DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit)
     * of at most {@code max} characters made from {@code value}, for hints: the value in lower
     * case with other characters turned into '-'; when too long, filler words go first
     * ({@code the}, {@code for}, ...), then long words take their usual short form
     * ({@code production} to {@code prod}), then whole words are dropped from the end, and only
     * a single word longer than {@code max} is cut.
     */
    public static String dnsLabel(String value, int max) {
        String s = value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            return "my-name";
        }
        if (s.length() <= max) {
            return s;
        }
        java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(s.split("-")));
        java.util.List<String> kept = new java.util.ArrayList<>(words);
        kept.removeIf(FILLER::contains);
        if (!kept.isEmpty()) {
            words = kept;
        }
        // The longest words take their short form first, one at a time, until the name fits.
        java.util.List<Integer> byLength = new java.util.ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            byLength.add(i);
        }
        final java.util.List<String> current = words;
        byLength.sort(java.util.Comparator.comparingInt((Integer i) -> current.get(i).length()).reversed());
        for (int i : byLength) {
            if (String.join("-", words).length() <= max) {
                break;
            }
            words.set(i, SHORT.getOrDefault(words.get(i), words.get(i)));
        }
        java.util.List<String> distinct = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(words));
        if (String.join("-", words).length() > max) {
            words = distinct;
        }
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (out.length() + (out.length() > 0 ? 1 : 0) + w.length() > max) {
                break;
            }
            out.append(out.length() > 0 ? "-" : "").append(w);
        }
        if (out.length() == 0) {
            out.append(words.get(0), 0, max);
        }
        return out.toString().replaceAll("-+$", "");
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
