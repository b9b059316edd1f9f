package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command of every front documents itself: --help works and shows at least one example,
 * and every example is a command line the front accepts. Examples that need a running pod, a
 * database or a network are only parsed (picocli's {@code parseArgs}), never run: a usage error
 * (unknown option, missing or badly typed value, stray argument) fails the test.
 */
class HelpExamplesTest {
    private static final Map<String, Supplier<RootCommand>> FRONTS = Fronts.byName();

    @Test
    void everyCommandHasHelpWithAnExample() {
        List<String> missing = new ArrayList<>();
        for (CommandLine root : roots()) {
            walk(root, missing);
        }
        assertThat(missing).as("commands whose --help shows no example").isEmpty();
    }

    @Test
    void everyExampleIsACommandLineItsFrontAccepts() {
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (CommandLine root : roots()) {
            for (CommandLine cl : commands(root)) {
                String where = cl.getCommandSpec().qualifiedName();
                for (HelpLayout.Line line : HelpLayout.footerLines(cl.getCommandSpec().usageMessage())) {
                    if (!line.example()) {
                        continue;
                    }
                    String example = line.text().strip();
                    List<List<String>> invocations;
                    try {
                        invocations = ShellWords.commands(example).stream()
                                .filter(words -> FRONTS.containsKey(words.get(0))).toList();
                    } catch (IllegalArgumentException e) {
                        failures.add(where + ": " + example + "\n    " + e.getMessage());
                        continue;
                    }
                    if (invocations.isEmpty()) {
                        failures.add(where + ": " + example + "\n    runs none of ai-lab, vectorweight, ai-config");
                    }
                    for (List<String> words : invocations) {
                        String problem = parse(words);
                        parsed++;
                        if (problem != null) {
                            failures.add(where + ": " + example + "\n    " + problem);
                        }
                    }
                }
            }
        }
        assertThat(failures).as("help examples that are not valid command lines").isEmpty();
        assertThat(parsed).as("examples parsed").isGreaterThan(150);
    }

    @Test
    void theShellSplitterFindsTheCommandsOfAnExample() {
        assertThat(ShellWords.commands("id=$(ai-lab session start --agent claude --work 12)"))
                .containsExactly(List.of("ai-lab", "session", "start", "--agent", "claude", "--work", "12"));
        assertThat(ShellWords.commands("git log -1 --format=%B | ai-lab work add 'Follow up' --body-file -"))
                .containsExactly(List.of("git", "log", "-1", "--format=%B"), List.of("ai-lab", "work", "add", "Follow up", "--body-file", "-"));
        assertThat(ShellWords.commands("vectorweight migrate old.yaml > new.yaml 2> report.txt"))
                .containsExactly(List.of("vectorweight", "migrate", "old.yaml"));
        assertThat(ShellWords.commands("make test 2>&1 | tail -5 | ai-lab session log 7"))
                .containsExactly(List.of("make", "test"), List.of("tail", "-5"), List.of("ai-lab", "session", "log", "7"));
        assertThat(ShellWords.commands("for f in *.tar.gz; do ai-lab backup verify -q \"$f\" || echo \"BAD $f\"; done"))
                .contains(List.of("ai-lab", "backup", "verify", "-q", "$f"), List.of("echo", "BAD $f"));
        assertThat(ShellWords.commands("source <(ai-lab completion bash)  # in ~/.bashrc"))
                .containsExactly(List.of("source"), List.of("ai-lab", "completion", "bash"));
        assertThat(ShellWords.commands("GITHUB_TOKEN=... ai-config init https://h/x.git < /dev/null"))
                .containsExactly(List.of("ai-config", "init", "https://h/x.git"));
    }

    /** Null when picocli accepts {@code words}, else its complaint. */
    private static String parse(List<String> words) {
        String[] args = words.subList(1, words.size()).stream()
                .map(w -> w.matches("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?") ? "1" : w) // "$id", "$f": a value of any type
                .toArray(String[]::new);
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        RunContext context = new RunContext(Map.of("HOME", "/home/someone"), Path.of("/tmp"), java.io.InputStream.nullInputStream(), false);
        CommandLine cl = CommandLineFactory.create(FRONTS.get(words.get(0)).get(), context, sink, sink, args);
        try {
            cl.parseArgs(args);
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static List<CommandLine> roots() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        List<CommandLine> roots = new ArrayList<>();
        for (Supplier<RootCommand> front : List.of(FRONTS.get("ai-lab"), FRONTS.get("vectorweight"), FRONTS.get("ai-config"))) {
            roots.add(CommandLineFactory.create(front.get(), RunContext.system(), sink, sink));
        }
        return roots;
    }

    /** {@code cl} and every command below it, once each (aliases name the same command). */
    static List<CommandLine> commands(CommandLine cl) {
        List<CommandLine> all = new ArrayList<>();
        all.add(cl);
        cl.getSubcommands().values().stream().distinct().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }

    private static void walk(CommandLine cl, List<String> missing) {
        String usage = cl.getUsageMessage();
        if (!cl.getCommandSpec().mixinStandardHelpOptions()) {
            missing.add(cl.getCommandSpec().qualifiedName() + " (no --help)");
        } else if (cl.getCommandSpec().parent() != null && !usage.contains("Example")) {
            missing.add(cl.getCommandSpec().qualifiedName());
        }
        cl.getSubcommands().values().forEach(sub -> walk(sub, missing));
    }
}
