package dev.ailab.hub;

import java.util.List;

/**
 * The schema versions this build knows. Flyway owns the schema; this list lets the hot paths
 * check "is the database current?" with one query instead of starting Flyway on every run.
 * {@code MigrationsTest} keeps it equal to the files under {@code db/migration/*}.
 */
public final class Migrations {
    public static final List<String> KNOWN = List.of("1", "2", "3");

    private Migrations() {
    }

    public static String latest() {
        return KNOWN.get(KNOWN.size() - 1);
    }

    /** Classpath folder of the migrations of one database kind. */
    public static String location(StoreFactory.Vendor vendor) {
        return "classpath:db/migration/" + vendor.folder();
    }

    /** Compares dotted version strings numerically. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parse(x[i]) : 0;
            long q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
