package dev.ailab.deployment.podman;

import dev.ailab.core.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The strict pattern every agent, pod and container name must match before it is used in a file
 * name or a podman argument: lower-case letters, digits, '-', '_' and '.', starting with a letter
 * or digit, at most 63 characters. A name that could be read as an option ({@code -x}) or a path
 * ({@code ../x}) never passes.
 */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

    private Names() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /** Returns {@code name} or throws an exit-2 error naming it. */
    public static String check(String kind, String name) {
        if (!isValid(name)) {
            throw new InvalidInputException(kind + " name '" + printable(name) + "' is not allowed",
                    "use 1-63 lower-case letters, digits, '-', '_' or '.', starting with a letter or digit");
        }
        return name;
    }

    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.length() > 80 ? sb.substring(0, 80) + "…" : sb.toString();
    }
}
