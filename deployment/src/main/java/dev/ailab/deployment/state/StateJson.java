package dev.ailab.deployment.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the state file's small, fixed JSON shape by hand: a no-change run must
 * start in well under half a second, and a general JSON mapper costs more than the rest of
 * the run. Accepts any valid JSON of the shape (whitespace, escapes, key order).
 */
final class StateJson {
    static final int FORMAT = 1;

    private StateJson() {
    }

    static String write(ManagedState s) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"format\": ").append(FORMAT).append(",\n");
        sb.append("  \"generator\": ").append(str(s.generator())).append(",\n");
        sb.append("  \"generator_version\": ").append(str(s.generatorVersion())).append(",\n");
        sb.append("  \"input_hash\": ").append(str(s.inputHash())).append(",\n");
        sb.append("  \"notes\": [");
        for (int i = 0; i < s.notes().size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ").append(str(s.notes().get(i)));
        }
        sb.append(s.notes().isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"files\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : s.files().entrySet()) {
            sb.append(first ? "\n    " : ",\n    ").append(str(e.getKey())).append(": ").append(str(e.getValue()));
            first = false;
        }
        sb.append(first ? "}\n" : "\n  }\n").append("}\n");
        return sb.toString();
    }

    static ManagedState read(String text) {
        Parser p = new Parser(text);
        Object v = p.value();
        p.ws();
        if (p.i != text.length()) {
            throw p.error("trailing characters");
        }
        if (!(v instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!(root.get("format") instanceof Long f) || f != FORMAT) {
            throw new IllegalArgumentException("unknown format " + root.get("format"));
        }
        if (!(root.get("files") instanceof Map<?, ?> files)) {
            throw new IllegalArgumentException("no files object");
        }
        TreeMap<String, String> hashes = new TreeMap<>();
        for (Map.Entry<?, ?> e : files.entrySet()) {
            if (!(e.getValue() instanceof String h)) {
                throw new IllegalArgumentException("hash of " + e.getKey() + " is not a string");
            }
            hashes.put((String) e.getKey(), h);
        }
        List<String> notes = new ArrayList<>();
        if (root.get("notes") instanceof List<?> list) {
            list.forEach(n -> notes.add(String.valueOf(n)));
        }
        return new ManagedState(text(root, "generator"), text(root, "generator_version"), text(root, "input_hash"), hashes, notes);
    }

    private static String text(Map<?, ?> root, String key) {
        Object v = root.get(key);
        return v == null ? null : v.toString();
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
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

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at offset " + i);
        }

        void ws() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        Object value() {
            ws();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (peek('}')) {
                    return m;
                }
                do {
                    ws();
                    if (s.charAt(i) != '"') {
                        throw error("expected a key");
                    }
                    String k = string();
                    ws();
                    expect(':');
                    m.put(k, value());
                    ws();
                } while (peek(','));
                expect('}');
                return m;
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (peek(']')) {
                    return l;
                }
                do {
                    l.add(value());
                    ws();
                } while (peek(','));
                expect(']');
                return l;
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character '" + c + "'");
            }
            String num = s.substring(start, i);
            try {
                return Long.parseLong(num);
            } catch (NumberFormatException e) {
                return Double.parseDouble(num);
            }
        }

        boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }
    }
}
