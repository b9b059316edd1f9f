package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.cli.vectorweight.VectorweightCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The long commands' progress line, each in the four cases of {@link ProgressOutput}: on a
 * terminal (redrawn with carriage returns, the bar in colour), in a pipe (nothing), with
 * {@code -q} (nothing) and under {@code NO_COLOR} (redrawn, no escape codes). Each command runs
 * for real over its own files; what it prints on stdout is the same in every case.
 */
class ProgressCommandsTest {
    private static final List<String> CASES = List.of("terminal", "pipe", "quiet", "no-color");

    @TempDir
    Path tmp;

    /** One command of one front, set up in a fresh home and run with the case's extra arguments. */
    private interface Scenario {
        CliHarness.Result run(CliHarness cli, Path home, List<String> extra) throws Exception;
    }

    @ParameterizedTest
    @ValueSource(strings = {"work import", "db backup", "backup create", "vectorweight generate"})
    void progressOnlyOnATerminalNeverWithQuietAndWithoutColourUnderNoColor(String command) throws Exception {
        Scenario scenario = switch (command) {
            case "work import" -> ProgressCommandsTest::workImport;
            case "db backup" -> ProgressCommandsTest::dbBackup;
            case "backup create" -> ProgressCommandsTest::backupCreate;
            default -> ProgressCommandsTest::generate;
        };
        Function<Path, CliHarness> front = command.startsWith("vectorweight")
                ? home -> new CliHarness(VectorweightCommand::new, home) : CliHarness::aiLab;
        String stdoutOnATerminal = null;
        for (String c : CASES) {
            Path home = Files.createDirectories(tmp.resolve(command.replace(' ', '-') + "-" + c));
            CliHarness cli = front.apply(home).stderrTerminal(!c.equals("pipe"));
            if (c.equals("no-color")) {
                cli.env("NO_COLOR", "1");
            }
            CliHarness.Result r = scenario.run(cli, home, c.equals("quiet") ? List.of("-q") : List.of());
            assertThat(r.exitCode()).as(command + ", " + c + "\n" + r).isZero();
            assertThat(r.out()).as(command + ", " + c + ": stdout").doesNotContain("\r").doesNotContain("\u001b");
            switch (c) {
                case "terminal" -> assertThat(r.err()).as(command + ", " + c).contains("\r").contains("100%")
                        .contains("\u001b[32m").endsWith("\n");
                case "no-color" -> assertThat(r.err()).as(command + ", " + c).contains("\r").contains("100%")
                        .doesNotContain("\u001b");
                default -> assertThat(r.err()).as(command + ", " + c).doesNotContain("\r").doesNotContain("%");
            }
            if (c.equals("terminal")) {
                stdoutOnATerminal = normalised(r.out(), home);
            } else if (!c.equals("quiet")) {
                assertThat(normalised(r.out(), home)).as(command + ", " + c + ": the same report").isEqualTo(stdoutOnATerminal);
            }
        }
    }

    /** The report without the home folder and the backup's time stamp, which differ between the cases. */
    private static String normalised(String out, Path home) {
        return out.replace(home.toString(), "HOME").replaceAll("\\d{8}T?-?\\d{6}Z?", "STAMP")
                .replaceAll("[0-9a-f]{64}", "HASH").replaceAll("\\(\\d+(\\.\\d+)? [KMG]?i?B", "(SIZE");
    }

    private static List<String> args(List<String> extra, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(extra);
        return all;
    }

    private static CliHarness.Result workImport(CliHarness cli, Path home, List<String> extra) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            json.append(i == 0 ? "" : ",").append("{\"title\": \"item ").append(i).append("\", \"project\": \"p\"}");
        }
        Path file = home.resolve("items.json");
        Files.writeString(file, json.append("]").toString());
        return cli.run(args(extra, "work", "import", file.toString()).toArray(String[]::new));
    }

    private static CliHarness.Result dbBackup(CliHarness cli, Path home, List<String> extra) {
        boolean terminal = !home.getFileName().toString().endsWith("pipe");
        CliHarness.Result added = cli.stderrTerminal(false).run("work", "add", "something to back up");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        cli.stderrTerminal(terminal);
        return cli.run(args(extra, "db", "backup", "--file", home.resolve("hub.db.gz").toString()).toArray(String[]::new));
    }

    private static CliHarness.Result backupCreate(CliHarness cli, Path home, List<String> extra) throws Exception {
        Path base = home.resolve("ai");
        for (int i = 0; i < 20; i++) {
            Path f = base.resolve("agents/agent-" + (i % 4) + "/file-" + i + ".txt");
            Files.createDirectories(f.getParent());
            Files.write(f, new byte[100_000 + i]);
        }
        cli.env("AI_LAB_DEPLOY_DIR", base.toString());
        return cli.run(args(extra, "backup", "create", "--dir", home.resolve("backups").toString()).toArray(String[]::new));
    }

    private static CliHarness.Result generate(CliHarness cli, Path home, List<String> extra) throws Exception {
        boolean terminal = !home.getFileName().toString().endsWith("pipe");
        CliHarness.Result init = cli.stderrTerminal(false).run("init", "--template", "minimal", "--file", "vw.yaml");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        cli.stderrTerminal(terminal);
        return cli.run(args(extra, "generate", "--config", "vw.yaml", "--dir", "out").toArray(String[]::new));
    }
}
