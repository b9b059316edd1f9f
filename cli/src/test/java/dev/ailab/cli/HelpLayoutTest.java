package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Help that reads well at 80 columns: every example stays whole on its own line and fits, the
 * command list shows whole sentences, and descriptions hold no hard line break in the middle of
 * a sentence (picocli wraps each description element on its own, so a sentence broken across
 * two elements comes out ragged).
 */
class HelpLayoutTest {
    private static final int WIDTH = 80;

    @Test
    void everyExampleIsOneWholeLineThatFitsInEightyColumns() {
        List<String> bad = new ArrayList<>();
        for (CommandLine cl : everyCommand()) {
            List<String> rendered = List.of(cl.getUsageMessage(Ansi.OFF).split("\\R"));
            for (HelpLayout.Line line : HelpLayout.footerLines(cl.getCommandSpec().usageMessage())) {
                if (!line.example()) {
                    continue;
                }
                if (!rendered.contains(line.text())) {
                    bad.add(cl.getCommandSpec().qualifiedName() + ": wrapped: " + line.text());
                } else if (line.text().length() > WIDTH) {
                    bad.add(cl.getCommandSpec().qualifiedName() + ": " + line.text().length() + " columns: " + line.text());
                }
            }
        }
        assertThat(bad).as("examples that do not fit on one 80-column line").isEmpty();
    }

    @Test
    void everyHelpLineFitsInEightyColumns() {
        List<String> bad = new ArrayList<>();
        for (CommandLine cl : everyCommand()) {
            for (String line : cl.getUsageMessage(Ansi.OFF).split("\\R")) {
                if (line.length() > WIDTH) {
                    bad.add(cl.getCommandSpec().qualifiedName() + ": " + line);
                }
            }
        }
        assertThat(bad).as("help lines wider than 80 columns").isEmpty();
    }

    @Test
    void theCommandListShowsWholeSentences() {
        List<String> bad = new ArrayList<>();
        for (CommandLine cl : everyCommand()) {
            if (cl.getCommandSpec().parent() == null) {
                continue;
            }
            String[] description = cl.getCommandSpec().usageMessage().description();
            String summary = description.length == 0 ? "" : String.format(description[0]).strip();
            if (summary.isEmpty()) {
                bad.add(cl.getCommandSpec().qualifiedName() + ": no description");
            } else if (!endsASentence(summary)) {
                bad.add(cl.getCommandSpec().qualifiedName() + ": " + summary);
            } else if (summary.length() > 3 * (WIDTH - 16)) {
                bad.add(cl.getCommandSpec().qualifiedName() + ": a summary of more than three lines: " + summary);
            }
        }
        assertThat(bad).as("command-list summaries cut in the middle of a sentence").isEmpty();
    }

    @Test
    void descriptionsAndFootersHaveNoHardLineBreakInsideASentence() {
        List<String> bad = new ArrayList<>();
        for (CommandLine cl : everyCommand()) {
            String name = cl.getCommandSpec().qualifiedName();
            for (String element : cl.getCommandSpec().usageMessage().description()) {
                for (String paragraph : String.format(element).split("\\R")) {
                    if (!paragraph.isBlank() && !endsASentence(paragraph.strip())) {
                        bad.add(name + " (description): " + paragraph);
                    }
                }
            }
            List<HelpLayout.Line> footer = HelpLayout.footerLines(cl.getCommandSpec().usageMessage());
            for (int i = 0; i + 1 < footer.size(); i++) {
                String line = footer.get(i).text().strip();
                String next = footer.get(i + 1).text().strip();
                if (!footer.get(i).example() && !line.isEmpty() && !next.isEmpty() && !endsASentence(line)
                        && (Character.isLowerCase(next.charAt(0)) || line.endsWith(",") || next.startsWith("("))) {
                    bad.add(name + " (footer): " + line + " / " + next);
                }
            }
        }
        assertThat(bad).as("sentences broken across lines of a description or footer").isEmpty();
    }

    private static boolean endsASentence(String text) {
        return text.matches("(?s).*[.:!?)]['\"]?");
    }

    private static List<CommandLine> everyCommand() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        List<CommandLine> all = new ArrayList<>();
        for (RootCommand root : Fronts.all()) {
            CommandLine cl = CommandLineFactory.create(root, RunContext.system(), sink, sink);
            cl.setUsageHelpWidth(WIDTH);
            cl.setUsageHelpAutoWidth(false);
            all.addAll(HelpExamplesTest.commands(cl));
        }
        return all;
    }
}
