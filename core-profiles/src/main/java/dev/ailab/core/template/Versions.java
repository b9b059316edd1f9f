package dev.ailab.core.template;

import java.util.regex.Pattern;

/** Template versions: dot-separated whole numbers ({@code 1.2.0}), compared number by number; a missing part is 0. */
public final class Versions {
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private Versions() {
    }

    public static boolean valid(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
