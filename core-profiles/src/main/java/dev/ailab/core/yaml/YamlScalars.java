package dev.ailab.core.yaml;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one quoting rule for text written as YAML: a string is written bare only when every reader
 * we feed (SnakeYAML and Jackson, which resolve YAML 1.1 types; Go's yaml as used by Helm, which
 * mixes YAML 1.1 words with Go's number syntax; any YAML 1.2 core-schema reader) reads it back as
 * that same string. Everything else is double-quoted, with JSON-compatible escapes.
 *
 * <p>Bare means: only ASCII letters, digits, space and {@code _ . / ~ @ : + $ = , - ( )}; not
 * starting with an indicator or space ({@code -}, {@code :}, {@code =}, {@code @}, {@code ,} and
 * the rest are refused as first character) or with a document end {@code ...}; no {@code ": "}, no
 * trailing {@code :} or space; and
 * not a word or number any of those readers resolves to another type: booleans and nulls in any
 * case ({@code yes}, {@code Off}, {@code y}, {@code ~}), integers in any base with signs and
 * underscores ({@code 0b101}, {@code 0o17}, {@code 017}, {@code 0x1F}, {@code +1_000}),
 * sexagesimal numbers ({@code 1:20}), floats ({@code 1e3}, {@code .5}, {@code .inf}, {@code -.NaN}),
 * and dates ({@code 2001-12-14}). Inside a flow list {@code ,} is refused too.
 */
public final class YamlScalars {
    private static final Set<String> WORDS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");
    /** Integers and floats of YAML 1.1, 1.2 and Go's strconv, generously: dots, underscores and an exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9_.]+(?:[eE][-+]?[0-9_]+)?");
    private static final Pattern BASED = Pattern.compile("(?i)[-+]?0(?:b[01_]+|o[0-7_]+|x[0-9a-f_]+)");
    private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-9_]+)+(?:\\.[0-9_]*)?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("(?i)[-+]?\\.(?:inf|nan)");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \t].*)?", Pattern.DOTALL);

    private YamlScalars() {
    }

    /** {@code text} as a scalar in block context: bare when safe, else double-quoted. */
    public static String block(String text) {
        return isPlain(text, false) ? text : doubleQuoted(text);
    }

    /** {@code text} as an item of a flow list ({@code [a, b]}): bare when safe there, else double-quoted. */
    public static String flow(String text) {
        return isPlain(text, true) ? text : doubleQuoted(text);
    }

    /** Whether {@code text} reads back as itself when written bare (in a flow collection when {@code flow}). */
    public static boolean isPlain(String text, boolean flow) {
        if (text.isEmpty() || !startsPlain(text.charAt(0)) || text.startsWith("...") || text.endsWith(" ")
                || text.endsWith(":") || text.contains(": ")) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!continuesPlain(c) || (flow && c == ',')) {
                return false;
            }
        }
        return !resolvesToAnotherType(text);
    }

    private static boolean startsPlain(char c) {
        return isAsciiLetterOrDigit(c) || "_./~+$".indexOf(c) >= 0;
    }

    private static boolean continuesPlain(char c) {
        return isAsciiLetterOrDigit(c) || " _./~@:+$=,-()".indexOf(c) >= 0;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** A bool, null, number or date to at least one of the readers (the characters are already known to be plain). */
    static boolean resolvesToAnotherType(String text) {
        return WORDS.contains(text.toLowerCase(Locale.ROOT)) || DECIMAL.matcher(text).matches()
                || BASED.matcher(text).matches() || SEXAGESIMAL.matcher(text).matches()
                || SPECIAL_FLOAT.matcher(text).matches() || DATE.matcher(text).matches();
    }

    /**
     * A double-quoted scalar, valid as YAML and as JSON: {@code "} and {@code \} escaped, the usual
     * short escapes for control characters, {@code \}{@code uXXXX} for the other characters a YAML
     * reader would refuse or take as a line break (C0/C1 controls, DEL, U+2028/U+2029, BOM,
     * U+FFFE/U+FFFF, lone surrogates).
     */
    public static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (needsEscape(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Whether the character at {@code i} cannot stand for itself inside quotes or a block scalar. */
    static boolean needsEscape(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff'
                || c == '\ufffe' || c == '\uffff') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
