package dev.ailab.cli.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.AiLabCommand;
import dev.ailab.cli.CliHarness;
import dev.ailab.cli.CommandLineFactory;
import dev.ailab.cli.RunContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A command that only reads the store never creates it: not the file, not its folder. Holds
 * the list of read-only hub commands to the commands that declare themselves so, and runs each
 * of them against a mistyped store folder (exit 2 naming it) and a store not made yet (an
 * empty answer, nothing written).
 */
class ReadOnlyStoreTest {
    /** Every read-only hub command with arguments that make it read. */
    private static final Map<String, List<String>> READ_ONLY = Map.of(
            "work list", List.of("-o", "json"),
            "work show", List.of("1"),
            "work export", List.of(),
            "idea list", List.of("-o", "json"),
            "idea show", List.of("1"),
            "session list", List.of("-o", "json"),
            "session show", List.of("1"),
            "project list", List.of("-o", "json"),
            "db info", List.of("-o", "json"),
            "db backup", List.of());

    @TempDir
    Path home;

    private final ObjectMapper json = new ObjectMapper();

    private static String[] args(String command, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    @Test
    void theReadOnlyCommandsAreExactlyTheOnesThatSaySo() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        CommandLine root = CommandLineFactory.create(new AiLabCommand(), RunContext.system(), sink, sink);
        TreeSet<String> declared = new TreeSet<>();
        TreeSet<String> hub = new TreeSet<>();
        for (String group : List.of("work", "idea", "session", "project", "db")) {
            root.getSubcommands().get(group).getSubcommands().values().stream().distinct().forEach(sub -> {
                String name = sub.getCommandName();
                if (sub.getCommand() instanceof HubCommand h) {
                    hub.add(group + " " + name);
                    if (h.readsOnly()) {
                        declared.add(group + " " + name);
                    }
                }
            });
        }
        assertThat(hub).contains("work add", "work import", "db restore", "project sync");
        assertThat(declared).containsExactlyInAnyOrderElementsOf(READ_ONLY.keySet());
    }

    @Test
    void aStoreInAFolderThatDoesNotExistIsRefusedNamingItAndNotCreated() {
        Path folder = home.resolve("nonexistent/dir");
        CliHarness cli = CliHarness.aiLab(home).env("AI_LAB_DB_URL", "jdbc:sqlite:" + folder.resolve("x.db"));
        READ_ONLY.forEach((command, rest) -> {
            CliHarness.Result r = cli.run(args(command, rest));
            assertThat(r.exitCode()).as(command + ": " + r).isEqualTo(2);
            assertThat(r.err()).as(command).contains("the store folder " + folder + " does not exist").contains("hint:");
            assertThat(r.out()).as(command).isEmpty();
            assertThat(home.resolve("nonexistent")).as(command).doesNotExist();
        });
        // A command that writes creates the database where the user said.
        assertThat(cli.run("work", "add", "first").exitCode()).isZero();
        assertThat(folder.resolve("x.db")).isRegularFile();
    }

    @Test
    void theDefaultStoreNotMadeYetAnswersEmptyAndStaysUnmade() throws IOException {
        CliHarness cli = CliHarness.aiLab(home);
        Path data = home.resolve(".local/share/ai-lab");
        for (String command : List.of("work list", "idea list", "session list", "project list")) {
            CliHarness.Result r = cli.run(args(command, READ_ONLY.get(command)));
            assertThat(r.exitCode()).as(command + ": " + r).isZero();
            assertThat(json.readTree(r.out())).as(command).isEmpty();
            assertThat(r.err()).as(command).isEmpty();
        }
        CliHarness.Result shown = cli.run("work", "show", "1");
        assertThat(shown.exitCode()).as(shown.toString()).isEqualTo(2);
        assertThat(json.readTree(cli.run("work", "export").out())).isEmpty();
        JsonNode info = json.readTree(cli.run("db", "info", "-o", "json").out());
        assertThat(info.get("exists").asBoolean()).isFalse();
        assertThat(info.get("size_bytes").isNull()).isTrue();
        assertThat(info.get("file").asText()).isEqualTo(data.resolve("ai-lab.db").toString());
        CliHarness.Result backup = cli.run("db", "backup");
        assertThat(backup.exitCode()).as(backup.toString()).isEqualTo(1);
        assertThat(backup.err()).contains("does not exist yet: there is nothing to back up");
        assertThat(data).doesNotExist();

        // An existing folder without the file: the same empty answers, and still no file.
        Path other = Files.createDirectories(home.resolve("stores"));
        CliHarness named = CliHarness.aiLab(home).env("AI_LAB_DB_URL", "jdbc:sqlite:" + other.resolve("hub.db"));
        assertThat(json.readTree(named.run("work", "list", "-o", "json").out())).isEmpty();
        try (Stream<Path> files = Files.list(other)) {
            assertThat(files).isEmpty();
        }
    }
}
