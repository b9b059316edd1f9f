package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/architecture.md names, for every command, the class that runs it and the domain classes it calls. */
class ArchitectureDocTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z -]*)` \\| `([A-Za-z.]+)` \\| (.*) \\|$");

    private static final Map<String, String> documented = new LinkedHashMap<>();
    private static final Map<String, String> domainColumn = new LinkedHashMap<>();

    @BeforeAll
    static void readThePage() throws IOException {
        for (String line : Files.readAllLines(ROOT.resolve("docs/architecture.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                documented.put(m.group(1), m.group(2));
                domainColumn.put(m.group(1), m.group(3));
            }
        }
    }

    @Test
    void everyCommandIsListedWithTheClassThatRunsIt() {
        Map<String, String> actual = new LinkedHashMap<>();
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (RootCommand root : Fronts.all()) {
            collectLeaves(CommandLineFactory.create(root, RunContext.system(), sink, sink), actual);
        }
        List<String> wrong = new ArrayList<>();
        actual.forEach((command, cls) -> {
            if (!cls.equals(documented.get(command))) {
                wrong.add("| `" + command + "` | `" + cls + "` | ... |   (page says " + documented.get(command) + ")");
            }
        });
        documented.keySet().stream().filter(c -> !actual.containsKey(c)).forEach(c -> wrong.add(c + ": no such command"));
        assertThat(wrong).as("rows of docs/architecture.md to fix").isEmpty();
    }

    @Test
    void everyDomainClassNamedExists() throws IOException {
        TreeSet<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().contains("/src/main/java/") && p.toString().endsWith(".java"))
                    .forEach(p -> classes.add(p.getFileName().toString().replace(".java", "")));
        }
        Pattern name = Pattern.compile("`([A-Z][A-Za-z]+)`");
        List<String> missing = new ArrayList<>();
        domainColumn.forEach((command, column) -> {
            Matcher m = name.matcher(column);
            while (m.find()) {
                if (!classes.contains(m.group(1)) && !m.group(1).equals("AutoComplete")) {
                    missing.add(command + ": " + m.group(1));
                }
            }
        });
        assertThat(domainColumn).isNotEmpty();
        assertThat(missing).as("classes named in docs/architecture.md that do not exist").isEmpty();
    }

    private static void collectLeaves(CommandLine cl, Map<String, String> into) {
        if (cl.getSubcommands().isEmpty()) {
            into.put(cl.getCommandSpec().qualifiedName(), cl.getCommand().getClass().getName().replace("dev.ailab.cli.", ""));
        }
        cl.getSubcommands().values().stream().distinct().forEach(sub -> collectLeaves(sub, into));
    }
}
