package dev.ailab.core.template;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.profile.Profile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * Turns what the user gave ({@code --data}, {@code --data-file}, earlier answers, the prompt)
 * into the Mustache context of a template: checked, typed, defaults filled in.
 */
public final class Answers {
    /** Variables the tool sets itself; a template may use them but the user cannot set them. */
    public static final Set<String> BUILTINS = Set.of("project_name", "project_slug", "project_snake", "project_pascal",
            "year", "profile", "profile_standard", "profile_advanced", "template_name", "template_version");
    private static final String[] TRUE = {"true", "yes", "y", "on", "1"};
    private static final String[] FALSE = {"false", "no", "n", "off", "0"};

    private Answers() {
    }

    /** Asks one question at a terminal. */
    public interface Prompter {
        /**
         * Shows the question and returns the line typed, "" for the default, or null at end of input.
         * {@code problem} is the reason the previous answer was refused, or null.
         */
        String ask(TemplateManifest.Question question, String defaultText, String problem);
    }

    /** The variables every template gets, derived from the project name and profile. */
    public static Map<String, Object> builtins(String projectName, Profile profile, TemplatePack pack) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("project_name", projectName);
        c.put("project_slug", slug(projectName, '-'));
        c.put("project_snake", snake(projectName));
        c.put("project_pascal", pascal(projectName));
        c.put("year", String.valueOf(yearAt(System.currentTimeMillis(), TimeZone.getDefault())));
        c.put("profile", profile.id());
        c.put("profile_standard", profile.includes(Profile.STANDARD));
        c.put("profile_advanced", profile.includes(Profile.ADVANCED));
        c.put("template_name", pack.name());
        c.put("template_version", pack.version());
        return c;
    }

    /**
     * The calendar year at {@code epochMillis} in {@code zone}. Not {@code Year.now()}: its
     * {@code ZoneId} look-up starts the time-zone rules provider, whose service look-up opens
     * every jar of the class path (about 0.05 s of every create-project); the zone's offset
     * from {@code TimeZone} gives the same year.
     */
    static int yearAt(long epochMillis, TimeZone zone) {
        long local = epochMillis + zone.getOffset(epochMillis);
        return LocalDate.ofEpochDay(Math.floorDiv(local, 86_400_000L)).getYear();
    }

    /**
     * Resolves every question in order. {@code given} answers win; {@code previous} ones (from an
     * earlier generation) replace the defaults; {@code prompter} (null in scripts) asks the rest.
     *
     * @return the context: builtins first, then one entry per question asked
     */
    public static Map<String, Object> resolve(TemplatePack pack, Map<String, Object> builtins, Map<String, Object> given,
            Map<String, Object> previous, Prompter prompter, MustacheRenderer renderer) {
        List<String> names = pack.manifest().questions.stream().map(q -> q.name).toList();
        for (String key : given.keySet()) {
            if (BUILTINS.contains(key)) {
                throw new InvalidInputException("'" + key + "' is set by ai-lab itself and cannot be given",
                        "it comes from the project name, the profile or the template");
            }
            if (!names.contains(key)) {
                throw new InvalidInputException("template '" + pack.name() + "' asks no question '" + key + "'",
                        names.isEmpty() ? "this template takes no answers"
                                : "its questions are: " + String.join(", ", names) + " (see 'ai-lab template show " + pack.name() + "')");
            }
        }
        Map<String, Object> context = new LinkedHashMap<>(builtins);
        for (TemplateManifest.Question q : pack.manifest().questions) {
            if (!Conditions.holds(q.when, context)) {
                continue;
            }
            if (given.containsKey(q.name)) {
                context.put(q.name, coerce(q, given.get(q.name), "--data " + q.name));
                continue;
            }
            Object dflt = previous.containsKey(q.name) ? previous.get(q.name) : defaultOf(q, context, renderer);
            if (prompter == null) {
                if (dflt == null) {
                    throw new InvalidInputException("no answer for '" + q.name + "'" + (q.prompt == null ? "" : " (" + q.prompt + ")"),
                            "give it with --data " + q.name + "=VALUE, or run on a terminal to be asked");
                }
                context.put(q.name, coerce(q, dflt, "the default of " + q.name));
                continue;
            }
            context.put(q.name, ask(q, dflt, prompter));
        }
        return context;
    }

    /**
     * Adds {@code NAME_path} (dots turned into '/') for every text answer, so a Java package
     * {@code com.example.app} can name the folder {@code com/example/app}.
     */
    public static Map<String, Object> withPaths(Map<String, Object> context, TemplatePack pack) {
        Map<String, Object> c = new LinkedHashMap<>(context);
        for (TemplateManifest.Question q : pack.manifest().questions) {
            if (context.get(q.name) instanceof String s && !context.containsKey(q.name + "_path")) {
                c.put(q.name + "_path", s.replace('.', '/'));
            }
        }
        return c;
    }

    private static Object ask(TemplateManifest.Question q, Object dflt, Prompter prompter) {
        String dfltText = dflt == null ? null : display(dflt);
        String problem = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            String line = prompter.ask(q, dfltText, problem);
            if (line == null) {
                throw new InvalidInputException("input ended before '" + q.name + "' was answered",
                        "answer every question, or use --defaults / --data " + q.name + "=VALUE");
            }
            line = line.strip();
            if (line.isEmpty()) {
                if (dflt == null) {
                    problem = "an answer is needed";
                    continue;
                }
                return coerce(q, dflt, "the default");
            }
            try {
                return coerce(q, line, "the answer");
            } catch (InvalidInputException e) {
                problem = e.getMessage() + (e.hint() == null ? "" : "; " + e.hint());
            }
        }
        throw new InvalidInputException("no valid answer for '" + q.name + "' after 10 tries", "run again, or use --data");
    }

    /** The text a default is shown as at the prompt. */
    public static String display(Object value) {
        if (value instanceof Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return String.valueOf(value);
    }

    private static Object defaultOf(TemplateManifest.Question q, Map<String, Object> context, MustacheRenderer renderer) {
        Object d = q.defaultValue;
        if (d instanceof String s) {
            return renderer.render(s, "default of " + q.name, context, MustacheRenderer.STANDARD);
        }
        if (d == null && q.type.equals("bool")) {
            return Boolean.FALSE;
        }
        if (d == null && q.type.equals("list")) {
            return List.of();
        }
        if (d == null && q.type.equals("choice")) {
            return q.choices.get(0);
        }
        return d;
    }

    /** Checks one answer against its question and gives it its type. */
    public static Object coerce(TemplateManifest.Question q, Object raw, String where) {
        switch (q.type) {
            case "bool" -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                String s = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
                for (String t : TRUE) {
                    if (t.equals(s)) {
                        return true;
                    }
                }
                for (String f : FALSE) {
                    if (f.equals(s)) {
                        return false;
                    }
                }
                throw new InvalidInputException(where + ": '" + raw + "' is not yes or no", "answer yes/no (or true/false)");
            }
            case "choice" -> {
                String s = String.valueOf(raw).trim();
                for (String c : q.choices) {
                    if (c.equalsIgnoreCase(s)) {
                        return c;
                    }
                }
                throw new InvalidInputException(where + ": '" + raw + "' is not one of the choices for " + q.name,
                        "allowed: " + String.join(", ", q.choices));
            }
            case "list" -> {
                List<String> items = new ArrayList<>();
                if (raw instanceof Collection<?> c) {
                    c.forEach(i -> items.add(String.valueOf(i).trim()));
                } else {
                    for (String part : String.valueOf(raw).split(",")) {
                        if (!part.isBlank()) {
                            items.add(part.trim());
                        }
                    }
                }
                for (String item : items) {
                    checkPattern(q, item, where);
                }
                return List.copyOf(items);
            }
            default -> {
                if (raw instanceof Map || raw instanceof Collection) {
                    throw new InvalidInputException(where + ": " + q.name + " takes text, not a list or map", "give a single value");
                }
                String s = String.valueOf(raw);
                checkPattern(q, s, where);
                return s;
            }
        }
    }

    private static void checkPattern(TemplateManifest.Question q, String value, String where) {
        if (q.pattern != null && !Pattern.compile(q.pattern).matcher(value).matches()) {
            throw new InvalidInputException(where + ": '" + value + "' does not fit " + q.name,
                    "it must match " + q.pattern + (q.help == null ? "" : " (" + q.help + ")"));
        }
    }

    /** Lower-case letters and digits, each run of anything else one {@code sep}, none at the ends. */
    static String slug(String name, char sep) {
        StringBuilder out = new StringBuilder(name.length());
        boolean gap = false;
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && out.length() > 0) {
                    out.append(sep);
                }
                gap = false;
                out.append(c);
            } else {
                gap = true;
            }
        }
        return out.length() == 0 ? "project" : out.toString();
    }

    static String snake(String name) {
        String s = slug(name, '_');
        return Character.isDigit(s.charAt(0)) ? "p_" + s : s;
    }

    static String pascal(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : slug(name, '-').split("-")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String s = b.toString();
        return Character.isDigit(s.charAt(0)) ? "P" + s : s;
    }
}
