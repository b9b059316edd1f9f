package dev.ailab.cli.ailab;

import dev.ailab.core.template.ProjectPlan;
import dev.ailab.core.template.TemplateManifest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Asks template questions at a terminal: help text, allowed values, default in brackets. */
final class ScaffoldPrompter implements ProjectPlan.Asker {
    private final BufferedReader in;
    private final PrintWriter err;

    ScaffoldPrompter(InputStream stdin, PrintWriter err) {
        this.in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        this.err = err;
    }

    @Override
    public String ask(TemplateManifest.Question q, String defaultText, String problem) {
        if (problem != null) {
            err.println("  ! " + problem);
        } else if (q.help != null && !q.help.isBlank()) {
            err.println("  " + q.help);
        }
        StringBuilder line = new StringBuilder("? ").append(q.prompt == null ? q.name : q.prompt);
        if (q.type.equals("choice")) {
            line.append(" (").append(String.join("/", q.choices)).append(')');
        } else if (q.type.equals("bool")) {
            line.append(" (yes/no)");
        } else if (q.type.equals("list")) {
            line.append(" (comma-separated)");
        }
        if (defaultText != null) {
            line.append(" [").append(defaultText).append(']');
        }
        line.append(": ");
        return readLine(line.toString());
    }

    /** Asks a choice that is not part of a template (template, profile). */
    @Override
    public String choose(String prompt, java.util.List<String> choices, String dflt) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String answer = readLine("? " + prompt + " (" + String.join("/", choices) + ") [" + dflt + "]: ");
            if (answer == null) {
                return null;
            }
            answer = answer.strip();
            if (answer.isEmpty()) {
                return dflt;
            }
            for (String c : choices) {
                if (c.equalsIgnoreCase(answer)) {
                    return c;
                }
            }
            err.println("  ! '" + answer + "' is not one of: " + String.join(", ", choices));
        }
        return null;
    }

    private String readLine(String prompt) {
        err.print(prompt);
        err.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer: " + e.getMessage(), e);
        }
    }
}
