package dev.ailab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes one man page (roff, section 1) per command of the three fronts from the same command
 * model that prints {@code --help}, so the two cannot disagree. The build runs it in
 * {@code prepare-package}; the distribution ships the pages under {@code share/man/man1}.
 */
public final class ManPages {
    private ManPages() {
    }

    /** {@code ManPages DIR}: writes every page into DIR. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ManPages OUTPUT_DIR");
        }
        List<Path> written = write(Path.of(args[0]));
        if (written.isEmpty()) {
            throw new IllegalStateException("no man page written");
        }
    }

    public static List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> pages = new ArrayList<>();
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (RootCommand root : Fronts.all()) {
            CommandLine cl = CommandLineFactory.create(root, RunContext.system(), sink, sink);
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
            writeTree(cl, dir, pages);
        }
        return pages;
    }

    private static void writeTree(CommandLine cl, Path dir, List<Path> pages) throws IOException {
        Path page = dir.resolve(pageName(cl.getCommandSpec()) + ".1");
        Files.writeString(page, page(cl));
        pages.add(page);
        for (CommandLine sub : cl.getSubcommands().values().stream().distinct().toList()) {
            writeTree(sub, dir, pages);
        }
    }

    static String pageName(CommandSpec spec) {
        return spec.qualifiedName().replace(' ', '-');
    }

    static String page(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        CommandLine.Help help = cl.getHelp();
        String version = VersionProvider.buildInfo().getProperty("version", "");
        StringBuilder roff = new StringBuilder();
        roff.append(".TH ").append(pageName(spec).toUpperCase(Locale.ROOT)).append(" 1 \"\" \"")
                .append(spec.root().name()).append(' ').append(version).append("\" \"User Commands\"\n");
        String[] description = spec.usageMessage().description();
        String summary = firstSentence(description, spec.name());
        roff.append(".SH NAME\n").append(escape(pageName(spec))).append(" \\- ").append(escape(summary)).append('\n');
        roff.append(".SH SYNOPSIS\n.nf\n").append(verbatim(help.synopsis(0).strip())).append("\n.fi\n");
        roff.append(".SH DESCRIPTION\n");
        for (String line : description) {
            roff.append(escape(String.format(line))).append('\n');
        }
        if (!spec.positionalParameters().isEmpty()) {
            roff.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                roff.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n')
                        .append(escape(String.join(" ", p.description()))).append('\n');
            }
        }
        roff.append(".SH OPTIONS\n");
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            roff.append(".TP\n.B ").append(escape(String.join(", ", o.names())));
            if (o.arity().max() > 0) {
                roff.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            roff.append('\n').append(escape(String.join(" ", help.colorScheme().text(
                    String.join(" ", o.description())).plainString()))).append('\n');
        }
        if (!cl.getSubcommands().isEmpty()) {
            roff.append(".SH COMMANDS\n");
            for (CommandLine sub : cl.getSubcommands().values().stream().distinct().toList()) {
                String[] d = sub.getCommandSpec().usageMessage().description();
                roff.append(".TP\n.B ").append(escape(sub.getCommandSpec().name())).append('\n')
                        .append(escape(firstSentence(d, ""))).append(". See \\fB")
                        .append(escape(pageName(sub.getCommandSpec()))).append("\\fR(1).\n");
            }
        }
        // The footer's own lines, not picocli's rendering of them: that wraps examples at 80 columns.
        String footer = String.join("\n", java.util.Arrays.stream(spec.usageMessage().footer()).map(String::format).toList());
        if (!footer.isBlank()) {
            String heading = String.format(spec.usageMessage().footerHeading()).strip().replaceAll(":$", "");
            roff.append(".SH ").append(escape(heading.isEmpty() ? "NOTES" : heading.toUpperCase(Locale.ROOT))).append('\n')
                    .append(".nf\n").append(verbatim(footer)).append("\n.fi\n");
        }
        roff.append(".SH EXIT STATUS\n0 ok, 1 the operation failed for a reason you can fix, 2 bad usage or invalid input,\n"
                + "3 an external system failed, 4 an internal bug.\n");
        if (spec.parent() != null) {
            roff.append(".SH SEE ALSO\n\\fB").append(escape(pageName(spec.parent()))).append("\\fR(1)\n");
        }
        return roff.toString();
    }

    /** The description's first sentence, for NAME and the command list (descriptions span several lines). */
    static String firstSentence(String[] description, String fallback) {
        String text = String.join(" ", java.util.Arrays.stream(description).map(String::format).toList()).strip();
        if (text.isEmpty()) {
            return fallback;
        }
        int end = text.indexOf(". ");
        return end < 0 ? text.replaceAll("\\.$", "") : text.substring(0, end);
    }

    /** Text in a filled paragraph: backslashes, hyphens and control characters at line start. */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return out.toString();
    }

    /** Lines kept as they are (examples, synopsis): escaped the same way, line by line. */
    static String verbatim(String text) {
        return escape(text.replaceAll("(?m)^\\s*$", ""));
    }
}
