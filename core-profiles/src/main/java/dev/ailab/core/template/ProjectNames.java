package dev.ailab.core.template;

import dev.ailab.core.error.InvalidInputException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a project (folder) may be called: portable on every file system and safe in a path. */
public final class ProjectNames {
    public static final int MAX_LENGTH = 100;
    public static final String ALLOWED = "letters, digits, '-', '_' and '.', starting with a letter or digit, at most "
            + MAX_LENGTH + " characters";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Names Windows reserves for devices (with any extension), and names that mean something to tools. */
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
            "node_modules", "target", "build", "dist");

    private ProjectNames() {
    }

    /** Returns {@code name} when it is a valid project name, else throws with what is allowed (exit 2). */
    public static String validate(String name) {
        if (name == null || name.isEmpty()) {
            throw invalid(name, "it is empty");
        }
        if (name.contains("/") || name.contains("\\")) {
            throw invalid(name, "it contains a path separator; use --dir to choose the parent folder");
        }
        if (name.equals(".") || name.equals("..") || name.contains("..")) {
            throw invalid(name, "it contains '..'");
        }
        if (name.length() > MAX_LENGTH) {
            throw invalid(name, "it is longer than " + MAX_LENGTH + " characters");
        }
        if (!VALID.matcher(name).matches()) {
            throw invalid(name, "it contains characters other than letters, digits, '-', '_' and '.', or does not start with a letter or digit");
        }
        if (name.endsWith(".")) {
            throw invalid(name, "it ends with '.'");
        }
        String stem = name.toLowerCase(Locale.ROOT);
        int dot = stem.indexOf('.');
        if (RESERVED.contains(stem) || (dot > 0 && RESERVED.contains(stem.substring(0, dot)) && stem.substring(0, dot).length() <= 4)) {
            throw invalid(name, "it is a reserved name");
        }
        return name;
    }

    private static InvalidInputException invalid(String name, String why) {
        return new InvalidInputException("invalid project name '" + name + "': " + why,
                "use " + ALLOWED + "; not a reserved name (con, nul, aux, prn, com1-9, lpt1-9, node_modules, target, build, dist)");
    }
}
