package dev.ailab.cli.hub;

import dev.ailab.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link HubCommandsWithoutHibernateTest}: runs every hub command once, in one
 * JVM, against a fresh SQLite store under the home folder given; exits 1 at the first failure.
 */
public final class ShortCommandsRun {
    static final List<List<String>> COMMANDS = List.of(
            List.of("work", "add", "first", "-p", "shop", "-l", "cli"),
            List.of("work", "add", "second", "--parent", "1"),
            List.of("work", "list"),
            List.of("work", "list", "-o", "json"),
            List.of("work", "show", "1"),
            List.of("work", "update", "1", "--title", "renamed", "--label", "x", "--due", "+3d", "--assignee", "none"),
            List.of("work", "start", "1"),
            List.of("work", "block", "1"),
            List.of("work", "done", "1"),
            List.of("work", "export", "items.json"),
            List.of("work", "import", "items.json"),
            List.of("idea", "add", "an", "idea", "--tag", "t"),
            List.of("idea", "list"),
            List.of("idea", "show", "1"),
            List.of("idea", "promote", "1", "--project", "shop"),
            List.of("session", "start", "--agent", "claude", "--work", "1"),
            List.of("session", "log", "1", "did", "it"),
            List.of("session", "end", "1", "--cost", "0.5"),
            List.of("session", "list"),
            List.of("session", "show", "1"),
            List.of("project", "register", "proj"),
            List.of("project", "list", "--all"),
            List.of("project", "sync", "--all"),
            List.of("project", "archive", "proj", "--file", "proj.tar.gz"),
            List.of("work", "delete", "2", "--yes"),
            List.of("db", "info"),
            List.of("db", "migrate"),
            List.of("db", "backup", "--file", "hub-backup.db.gz"));

    private ShortCommandsRun() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Files.createDirectories(home.resolve("proj/.ai-lab"));
        Files.writeString(home.resolve("proj/.ai-lab/config.yaml"), "project_name: proj\n");
        CliHarness cli = CliHarness.aiLab(home);
        for (List<String> command : COMMANDS) {
            CliHarness.Result r = cli.run(command.toArray(String[]::new));
            if (r.exitCode() != 0) {
                System.out.println(String.join(" ", command) + "\n" + r);
                System.exit(1);
            }
        }
        System.exit(0);
    }
}
