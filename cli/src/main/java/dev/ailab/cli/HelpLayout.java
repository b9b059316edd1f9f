package dev.ailab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The footer of every {@code --help} (examples, exit codes, files): an example is a command a
 * person copies, so it stays on its own line, never wrapped; every other line is wrapped at the
 * usage width with a hanging indent that keeps lists and two-column tables readable.
 *
 * <p>A footer is read line by line (after {@code %n}). A line that is not indented is a section
 * heading ({@code Examples:}, {@code Exit codes:}) or prose; the footer heading counts as one. The
 * indented lines under an {@code Example:} or {@code Examples:} heading are examples.
 */
public final class HelpLayout {
    /** An indented line whose first column ends in two or more spaces: a table row. */
    private static final Pattern TABLE_ROW = Pattern.compile("^( +)\\S+(?: \\S+)*( {2,})\\S");

    private HelpLayout() {
    }

    /** Installs the footer renderer on {@code cl} and every subcommand it has now. */
    static void install(CommandLine cl) {
        Map<String, IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
        cl.setHelpSectionMap(sections);
    }

    /** One footer line and whether it is an example. */
    public record Line(String text, boolean example) {
    }

    /** The footer of {@code usage} as lines, with {@code %n} and {@code %%} resolved. */
    public static List<Line> footerLines(UsageMessageSpec usage) {
        List<Line> lines = new ArrayList<>();
        boolean examples = isExamplesHeading(format(usage.footerHeading()).strip());
        for (String element : usage.footer()) {
            for (String line : format(element).split("\\R", -1)) {
                if (!line.isBlank() && !line.startsWith(" ")) {
                    // A heading, or a line of prose: either ends the examples above it.
                    examples = isExamplesHeading(line);
                    lines.add(new Line(line, false));
                } else {
                    lines.add(new Line(line, examples && line.startsWith("  ") && !line.isBlank()));
                }
            }
        }
        return lines;
    }

    static String footer(Help help) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        int width = usage.width();
        StringBuilder out = new StringBuilder();
        for (Line line : footerLines(usage)) {
            if (line.example()) {
                out.append(line.text()).append(System.lineSeparator());
            } else {
                wrap(line.text(), width, out);
            }
        }
        return out.toString();
    }

    private static boolean isExamplesHeading(String heading) {
        return heading.equals("Examples:") || heading.equals("Example:");
    }

    private static String format(String text) {
        return text == null ? "" : String.format(text);
    }

    /** Greedy wrap at spaces; continuation lines start at the hanging indent. */
    static void wrap(String line, int width, StringBuilder out) {
        String nl = System.lineSeparator();
        if (line.length() <= width) {
            out.append(line).append(nl);
            return;
        }
        int hang = hangingIndent(line, width);
        String rest = line;
        int floor = leading(line);
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            while (cut > floor && rest.charAt(cut - 1) == ' ') {
                cut--;
            }
            if (cut <= floor) {
                cut = rest.indexOf(' ', width);
                if (cut < 0) {
                    break;
                }
            }
            out.append(rest, 0, cut).append(nl);
            rest = " ".repeat(hang) + rest.substring(cut).stripLeading();
            floor = hang;
        }
        out.append(rest).append(nl);
    }

    private static int hangingIndent(String line, int width) {
        Matcher row = TABLE_ROW.matcher(line);
        if (row.find() && row.end() - 1 <= width / 2) {
            return row.end() - 1;
        }
        int indent = leading(line);
        return indent == 0 ? 0 : indent + 2;
    }

    private static int leading(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
