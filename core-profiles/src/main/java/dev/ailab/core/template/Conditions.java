package dev.ailab.core.template;

import dev.ailab.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small condition language of manifests: {@code name} (truthy), {@code !name},
 * {@code name == value}, {@code name != value}. Nothing more, on purpose: logic that needs more
 * belongs in a Mustache section of the file itself.
 */
public final class Conditions {
    private static final Pattern FORM = Pattern.compile(
            "\\s*(!?)\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:(==|!=)\\s*['\"]?([^'\"]*?)['\"]?\\s*)?");

    private Conditions() {
    }

    static void check(String condition, Path file) {
        Matcher m = FORM.matcher(condition);
        if (!m.matches() || (!m.group(1).isEmpty() && m.group(3) != null)) {
            throw new InvalidInputException(file + ": cannot read condition '" + condition + "'",
                    "write name, !name, name == value or name != value");
        }
    }

    /** Evaluates {@code condition} over {@code context}; a null condition holds. */
    public static boolean holds(String condition, Map<String, Object> context) {
        if (condition == null || condition.isBlank()) {
            return true;
        }
        Matcher m = FORM.matcher(condition);
        if (!m.matches()) {
            throw new InvalidInputException("cannot read condition '" + condition + "'",
                    "write name, !name, name == value or name != value");
        }
        Object value = context.get(m.group(2));
        if (m.group(3) != null) {
            boolean equal = Objects.equals(value == null ? "" : String.valueOf(value), m.group(4));
            return m.group(3).equals("==") == equal;
        }
        return m.group(1).isEmpty() == truthy(value);
    }

    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        String s = String.valueOf(value);
        return !s.isEmpty() && !s.equalsIgnoreCase("false");
    }
}
