package dev.ailab.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * Words picocli's value errors the way a person reads them: what the option takes and what was
 * given ({@code --limit takes a whole number, got 'abc'}), never a Java type name
 * ({@code 'abc' is not an int}) or a position index.
 *
 * <ul>
 *   <li>whole numbers: "--limit takes a whole number, got 'abc'" (and the limit when too big);</li>
 *   <li>ids: "work item ids are whole numbers, got 'abc'";</li>
 *   <li>decimals: "--cost takes a number such as 2.5, got 'abc'";</li>
 *   <li>enums: "--output takes text or json, got 'xml'" (the values in lower case);</li>
 *   <li>KEY=VALUE maps: "--data takes KEY=VALUE, got 'foo'".</li>
 * </ul>
 */
final class ParameterMessages {
    /** What the ids of each group's commands are ids of. */
    private static final Map<String, String> ID_NOUNS = Map.of(
            "work", "work item", "idea", "idea", "session", "session", "--parent", "work item", "--work", "work item");

    private ParameterMessages() {
    }

    /** The message for {@code ex}, or null when picocli's own message says it well enough. */
    static String describe(ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return unmatchedValue(cl.getCommandSpec(), unmatched.getUnmatched());
        }
        ArgSpec arg = ex.getArgSpec();
        String value = ex.getValue();
        String raw = String.valueOf(ex.getMessage());
        if (arg == null || value == null) {
            return null;
        }
        if (raw.contains("should be in KEY=VALUE format")) {
            return name(arg) + " takes KEY=VALUE, got '" + value + "'";
        }
        if (!raw.startsWith("Invalid value for")) {
            return null;
        }
        return wrongValue(cl.getCommandSpec(), arg, value);
    }

    /**
     * A word picocli left over because it did not fit a positional parameter's type (picocli
     * stops filling {@code ID...} at the first word that is not a number): worded as a value error.
     */
    private static String unmatchedValue(CommandSpec spec, List<String> words) {
        if (words.isEmpty() || words.get(0).startsWith("-") || !spec.subcommands().isEmpty()) {
            return null;
        }
        String word = words.get(0);
        for (PositionalParamSpec p : spec.positionalParameters()) {
            Class<?> type = elementType(p);
            if (p.isMultiValue() && (isWhole(type) || isDecimal(type)) && !converts(type, word)) {
                return wrongValue(spec, p, word);
            }
        }
        return null;
    }

    static String wrongValue(CommandSpec spec, ArgSpec arg, String value) {
        Class<?> type = elementType(arg);
        String name = name(arg);
        String got = ", got '" + value + "'";
        if (isWhole(type)) {
            if (isId(arg)) {
                String noun = idNoun(spec, arg);
                return (noun == null ? "ids" : noun + " ids") + " are whole numbers" + got;
            }
            String range = "";
            if (value.strip().matches("[+-]?\\d+")) {
                BigInteger max = type == int.class || type == Integer.class ? BigInteger.valueOf(Integer.MAX_VALUE)
                        : type == short.class || type == Short.class ? BigInteger.valueOf(Short.MAX_VALUE)
                        : BigInteger.valueOf(Long.MAX_VALUE);
                range = new BigInteger(value.strip()).abs().compareTo(max) > 0 ? " up to " + max : "";
            }
            return name + " takes a whole number" + range + got;
        }
        if (isDecimal(type)) {
            return name + " takes a number such as 2.5" + got;
        }
        if (type.isEnum()) {
            return name + " takes " + choices(type) + got;
        }
        if (type == boolean.class || type == Boolean.class) {
            return name + " takes true or false" + got;
        }
        if (type == LocalDate.class) {
            return name + " takes a date as YYYY-MM-DD" + got;
        }
        if (Path.class.isAssignableFrom(type) || type == java.io.File.class) {
            return name + " takes a file or folder path" + got;
        }
        return name + " does not accept '" + value + "'";
    }

    /** "json or csv", "one of text, json, yaml". */
    static String choices(Class<?> enumType) {
        List<String> names = Arrays.stream(enumType.getEnumConstants())
                .map(c -> String.valueOf(c).toLowerCase(Locale.ROOT)).collect(Collectors.toList());
        if (names.size() == 2) {
            return names.get(0) + " or " + names.get(1);
        }
        return "one of " + String.join(", ", names);
    }

    /** "--limit" for an option, the label ("ID", "SHELL") for a positional parameter. */
    static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static boolean isId(ArgSpec arg) {
        String label = arg.paramLabel();
        return label.equals("ID") || label.startsWith("ID[") || label.startsWith("ID,");
    }

    private static String idNoun(CommandSpec spec, ArgSpec arg) {
        if (arg instanceof OptionSpec o && ID_NOUNS.containsKey(o.longestName())) {
            return ID_NOUNS.get(o.longestName());
        }
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            if (ID_NOUNS.containsKey(s.name())) {
                return ID_NOUNS.get(s.name());
            }
        }
        return null;
    }

    private static Class<?> elementType(ArgSpec arg) {
        Class<?> type = arg.type();
        if (arg.isMultiValue() && !type.isArray()) {
            Class<?>[] aux = arg.auxiliaryTypes();
            if (aux.length > 0) {
                return aux[aux.length - 1];
            }
        }
        return type.isArray() ? type.getComponentType() : type;
    }

    private static boolean isWhole(Class<?> t) {
        return t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class
                || t == Short.class || t == BigInteger.class || t == byte.class || t == Byte.class;
    }

    private static boolean isDecimal(Class<?> t) {
        return t == double.class || t == Double.class || t == float.class || t == Float.class || t == BigDecimal.class;
    }

    private static boolean converts(Class<?> type, String word) {
        try {
            if (isWhole(type)) {
                Long.parseLong(word);
            } else {
                Double.parseDouble(word);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
