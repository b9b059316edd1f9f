package dev.ailab.core.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.ailab.core.error.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Mustache for source files: never HTML-escapes ({@code &}, {@code <}, {@code =} come out as
 * written), and can compile with other delimiters so files that carry another tool's
 * {@code {{ }}} (Helm, GitHub Actions) keep them.
 */
public final class MustacheRenderer {
    /** The standard {@code {{ }}} pair. */
    public static final Delimiters STANDARD = new Delimiters("{{", "}}");

    private final DefaultMustacheFactory factory = new NoEscapeFactory();

    /** Renders {@code template} (named {@code name} in error messages) with {@code context}. */
    public String render(String template, String name, Map<String, Object> context, Delimiters delimiters) {
        if (delimiters.equals(STANDARD) && template.indexOf("{{") < 0) {
            return template; // nothing to do: skip the compiler for plain files
        }
        if (template.indexOf(delimiters.start()) < 0) {
            return template;
        }
        String simple = renderSimple(template, delimiters, context);
        return simple != null ? simple : renderWithMustache(template, name, context, delimiters);
    }

    /**
     * The fast path for the common file that only substitutes plain variables ({@code {{name}}},
     * {@code {{{name}}}}, {@code {{& name}}}) with text: the output Mustache.java would give
     * (never escaped; a missing name is empty) without compiling a template per file. Returns
     * null as soon as it meets anything else (sections, comments, partials, dotted names, lists),
     * and the file goes through Mustache.java.
     */
    static String renderSimple(String template, Delimiters delimiters, Map<String, Object> context) {
        String open = delimiters.start();
        String close = delimiters.end();
        boolean standard = delimiters.equals(STANDARD);
        StringBuilder out = new StringBuilder(template.length() + 64);
        int pos = 0;
        while (true) {
            int i = template.indexOf(open, pos);
            if (i < 0) {
                out.append(template, pos, template.length());
                return out.toString();
            }
            boolean triple = standard && template.startsWith("{{{", i);
            int nameStart = i + open.length() + (triple ? 1 : 0);
            String end = triple ? "}}}" : close;
            int j = template.indexOf(end, nameStart);
            if (j < 0) {
                return null;
            }
            String tag = template.substring(nameStart, j).trim();
            if (!triple && tag.startsWith("&")) {
                tag = tag.substring(1).trim();
            }
            if (!isName(tag)) {
                return null;
            }
            Object value = context.get(tag);
            if (value != null && !(value instanceof String || value instanceof Boolean || value instanceof Number)) {
                return null;
            }
            out.append(template, pos, i);
            if (value != null) {
                out.append(value);
            }
            pos = j + end.length();
        }
    }

    private static boolean isName(String tag) {
        if (tag.isEmpty() || !(Character.isLetter(tag.charAt(0)) || tag.charAt(0) == '_')) {
            return false;
        }
        for (int k = 1; k < tag.length(); k++) {
            char c = tag.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Always through Mustache.java (the fast path is checked against this in tests). */
    String renderWithMustache(String template, String name, Map<String, Object> context, Delimiters delimiters) {
        Mustache mustache;
        try {
            mustache = factory.compile(new StringReader(template), name, delimiters.start(), delimiters.end());
        } catch (MustacheException e) {
            throw new InvalidInputException("template " + name + ": " + cleanMessage(e),
                    "fix the Mustache syntax in that file (every {{#section}} needs its {{/section}})", e);
        }
        StringWriter out = new StringWriter(template.length() + 64);
        try {
            mustache.execute(out, context).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MustacheException e) {
            throw new InvalidInputException("template " + name + ": " + cleanMessage(e),
                    "check the variables the file uses against the template's questions", e);
        }
        return out.toString();
    }

    private static String cleanMessage(MustacheException e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m.replace("\n", " ");
    }

    /** A pair of tag delimiters, written in manifests as {@code "<% %>"}. */
    public record Delimiters(String start, String end) {
        public Delimiters {
            if (start.isBlank() || end.isBlank() || start.contains(" ") || end.contains(" ") || start.contains("=")
                    || end.contains("=")) {
                throw new InvalidInputException("invalid delimiters '" + start + " " + end + "'",
                        "write two non-empty markers separated by one space, for example \"<% %>\"");
            }
        }

        public static Delimiters parse(String text) {
            if (text == null || text.isBlank()) {
                return STANDARD;
            }
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2) {
                throw new InvalidInputException("invalid delimiters '" + text + "'",
                        "write two markers separated by one space, for example \"<% %>\"");
            }
            return new Delimiters(parts[0], parts[1]);
        }

        // equals and hashCode written out: a record's generated ones link through invokedynamic
        // on their first call, a few milliseconds of every create-project run.
        @Override
        public boolean equals(Object other) {
            return other instanceof Delimiters d && start.equals(d.start) && end.equals(d.end);
        }

        @Override
        public int hashCode() {
            return 31 * start.hashCode() + end.hashCode();
        }

        @Override
        public String toString() {
            return start + " " + end;
        }
    }

    /** Mustache.java escapes HTML by default; source files are not HTML. */
    private static final class NoEscapeFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("cannot write rendered text", e);
            }
        }
    }
}
