package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One meaning per option on every command of the three fronts (the table "Shared option names"
 * in docs/architecture.md): a short name always stands for the same long name, the reserved
 * names always have their one meaning, and no command spells JSON output any other way.
 */
class OptionNamesTest {
    /** Long names whose meaning is fixed everywhere, with the value type they must have (null: a flag). */
    private static final Map<String, Class<?>> RESERVED = new java.util.HashMap<>(Map.of(
            "--output", OutputFormat.class,
            "--dry-run", boolean.class,
            "--force", boolean.class));

    static {
        RESERVED.put("--dir", null);  // a folder to write into: any path type
        RESERVED.put("--file", null); // one file: any path type
    }

    private static final Set<String> FORBIDDEN = Set.of("--json", "--to", "--pack", "--output-dir", "--out");

    @Test
    void everyOptionHasOneMeaningAcrossTheThreeFronts() {
        Map<String, Set<String>> longsByShort = new TreeMap<>();
        Map<String, Set<String>> shortsByLong = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (RootCommand root : Fronts.all()) {
            walk(CommandLineFactory.create(root, RunContext.system(), sink, sink), longsByShort, shortsByLong, problems);
        }
        longsByShort.forEach((s, longs) -> {
            if (longs.size() > 1) {
                problems.add(s + " stands for " + longs);
            }
        });
        shortsByLong.forEach((l, shorts) -> {
            if (shorts.size() > 1) {
                problems.add(l + " is spelt " + shorts);
            }
        });
        assertThat(problems).as("options that break the shared names").isEmpty();
    }

    private static void walk(CommandLine cl, Map<String, Set<String>> longsByShort, Map<String, Set<String>> shortsByLong,
                             List<String> problems) {
        String command = cl.getCommandSpec().qualifiedName();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            String longName = o.longestName();
            String shortName = o.shortestName().equals(longName) ? "" : o.shortestName();
            if (o.names().length > 2) {
                problems.add(command + ": " + String.join(", ", o.names()) + " (one short and one long name at most)");
            }
            for (String name : o.names()) {
                if (FORBIDDEN.contains(name)) {
                    problems.add(command + ": " + name + " (use -o json, --dir or --file)");
                }
            }
            if (RESERVED.containsKey(longName)) {
                Class<?> wanted = RESERVED.get(longName);
                if (wanted != null && !wanted.equals(o.type())) {
                    problems.add(command + ": " + longName + " takes " + o.type().getSimpleName() + ", must be " + wanted.getSimpleName());
                }
            }
            if (!shortName.isEmpty()) {
                longsByShort.computeIfAbsent(shortName, k -> new TreeSet<>()).add(longName);
            }
            shortsByLong.computeIfAbsent(longName, k -> new TreeSet<>()).add(shortName.isEmpty() ? "(none)" : shortName);
        }
        cl.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, longsByShort, shortsByLong, problems));
    }
}
