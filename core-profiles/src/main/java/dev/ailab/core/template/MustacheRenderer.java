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
