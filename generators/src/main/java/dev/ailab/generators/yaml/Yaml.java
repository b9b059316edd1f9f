package dev.ailab.generators.yaml;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small, deterministic YAML writer for generated manifests: block style, two-space indent,
 * maps in their iteration order (use sorted or insertion-ordered maps on purpose), strings
 * quoted only when a plain scalar would be read back as something else. No timestamps, no
 * anchors, no document start marker on single documents.
 */
public final class Yaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/$][A-Za-z0-9_./:@+=$-]*");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(\\.?[0-9][0-9_.]*([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|\\.inf|\\.nan)");
    private static final java.util.Set<String> RESERVED = java.util.Set.of(
            "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

    private Yaml() {
    }

    /** One document. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        node(sb, value, 0, false);
        if (sb.length() == 0 || sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Several documents separated by {@code ---}. */
    public static String writeAll(List<?> documents) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                sb.append("---\n");
            }
            sb.append(write(documents.get(i)));
        }
        return sb.toString();
    }

    private static void node(StringBuilder sb, Object value, int indent, boolean inline) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append(inline ? " {}\n" : "{}\n");
                return;
            }
            if (inline) {
                sb.append('\n');
            }
            mapBody(sb, map, indent, false);
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append(inline ? " []\n" : "[]\n");
                return;
            }
            if (inline) {
                sb.append('\n');
            }
            listBody(sb, list, indent);
        } else {
            if (inline) {
                sb.append(' ');
            }
            scalar(sb, value, indent);
            sb.append('\n');
        }
    }

    private static void mapBody(StringBuilder sb, Map<?, ?> map, int indent, boolean firstInline) {
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(first && firstInline)) {
                pad(sb, indent);
            }
            first = false;
            sb.append(scalarText(String.valueOf(e.getKey()), indent)).append(':');
            Object v = e.getValue();
            if (v instanceof List<?> l && !l.isEmpty()) {
                // lists under a key sit at the key's indent, the usual Kubernetes style
                sb.append('\n');
                listBody(sb, l, indent);
            } else {
                node(sb, v, indent + 2, true);
            }
        }
    }

    private static void listBody(StringBuilder sb, List<?> list, int indent) {
        for (Object item : list) {
            pad(sb, indent);
            sb.append("- ");
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                mapBody(sb, m, indent + 2, true);
            } else if (item instanceof List<?> l && !l.isEmpty()) {
                sb.append('\n');
                listBody(sb, l, indent + 2);
            } else {
                node(sb, item, indent + 2, false);
            }
        }
    }

    private static void scalar(StringBuilder sb, Object value, int indent) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            sb.append(value);
        } else {
            sb.append(scalarText(value.toString(), indent));
        }
    }

    private static String scalarText(String s, int indent) {
        if (s.indexOf('\n') >= 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0 && !s.startsWith(" ") && !s.contains(" \n")) {
            return block(s, indent);
        }
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT))
                && !NUMBER_LIKE.matcher(s).matches() && !s.endsWith(":")) {
            return s;
        }
        return quote(s);
    }

    private static String block(String s, int indent) {
        StringBuilder sb = new StringBuilder(s.endsWith("\n") ? (s.endsWith("\n\n") ? "|+" : "|") : "|-");
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        for (String line : body.split("\n", -1)) {
            sb.append('\n');
            if (!line.isEmpty()) {
                sb.append(" ".repeat(indent)).append(line);
            }
        }
        return sb.toString();
    }

    /** A double-quoted YAML (and JSON-compatible) string. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void pad(StringBuilder sb, int indent) {
        sb.append(" ".repeat(indent));
    }
}
