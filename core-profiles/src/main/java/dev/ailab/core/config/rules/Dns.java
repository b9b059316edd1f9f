package dev.ailab.core.config.rules;

import dev.ailab.core.config.Suggestions;
import java.util.regex.Pattern;

/** RFC 1123 names as Kubernetes and DNS use them. */
final class Dns {
    static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private Dns() {
    }

    /** Null when {@code name} is a valid label of at most {@code max} characters, else what is wrong. */
    static String labelProblem(String name, int max) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.length() > max) {
            return "is " + name.length() + " characters long; at most " + max + " are allowed";
        }
        if (!LABEL.matcher(name).matches()) {
            return "must be lowercase letters, digits and '-', starting and ending with a letter or digit";
        }
        return null;
    }

    /** Null when {@code domain} is a valid DNS name with at least two labels, else what is wrong. */
    static String domainProblem(String domain) {
        if (domain.length() > 253) {
            return "is longer than 253 characters";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "must be a fully qualified name such as ai.example.com";
        }
        for (String label : labels) {
            String p = labelProblem(label, 63);
            if (p != null) {
                return "has an invalid part '" + label + "': " + (label.isEmpty() ? "empty (two dots or a dot at an end)" : p);
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return "must be a name, not an IP address";
        }
        return null;
    }

    /** A valid label of at most {@code max} characters made from {@code value}, for hints. */
    static String suggest(String value, int max) {
        return Suggestions.dnsLabel(value, max);
    }
}
