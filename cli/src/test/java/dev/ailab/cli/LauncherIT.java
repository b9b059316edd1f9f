package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped launcher on the packaged jars: the first run starts the training of the class-data
 * archive in the background, and later runs map it; the hub's commands, none of which loads
 * Hibernate, share that one lean archive. {@code -Xshare:on} makes the JVM fail instead of quietly
 * running without an archive, so a dump that crashes or an archive that does not map fails here.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "ai-lab").toAbsolutePath().normalize();
    private static final Path AI_CONFIG = Path.of("..", "bin", "ai-config").toAbsolutePath().normalize();
    /** A hung launcher fails after this. */
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path home;

    @Test
    void firstRunMakesAClassDataArchiveThatLaterRunsMap() throws Exception {
        assertThat(run("--version")).startsWith("ai-lab ");
        run("work", "add", "from the launcher");
        assertThat(run("work", "list")).contains("from the launcher");
        assertThat(run("secrets", "init")).isNotBlank();
        // The first run started one training in the background that makes the archive.
        LauncherFirstRunIT.awaitTraining(home.resolve("cache/ai-lab/cds"));
        // Later runs map it, the commands that used to boot Hibernate too: no full one is made.
        assertThat(run("work", "list")).contains("from the launcher");
        assertThat(run("session", "list")).contains("no sessions");
        assertThat(run("work", "update", "1", "--title", "renamed")).contains("renamed");
        try (Stream<Path> files = Files.list(home.resolve("cache/ai-lab/cds"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).as("archive folder").anyMatch(n -> n.endsWith("-lean.jsa"))
                    .noneMatch(n -> n.endsWith("-full.jsa")).noneMatch(n -> n.endsWith(".failed"));
        }
    }

    /**
     * Runs the launcher with its output going to a file, not a pipe, so that waiting is bounded by
     * the time-out even when the launcher (or a JVM it left behind holding the output) never ends.
     */
    private String run(String... args) throws IOException, InterruptedException {
        return run(LAUNCHER, Map.of(), args);
    }

    private String run(Path launcher, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(home, "launcher-", ".log");
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("AI_LAB_DEPLOY_DIR", home.resolve("host").toString());
        pb.environment().put("AI_LAB_JAVA_OPTS", "-Xshare:on");
        pb.environment().putAll(extraEnv);
        Process process = pb.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("ai-lab " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS + " s; its output so far:\n"
                    + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        }
        String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("ai-lab " + String.join(" ", args) + "\n" + output).isZero();
        return output;
    }

    /** Through the real launcher with no terminal, ai-config init never asks where personal/ goes. */
    @Test
    void initWithoutATerminalNeverAsks() throws Exception {
        Path upstream = Files.createDirectories(home.resolve("upstream"));
        Files.writeString(upstream.resolve("review.md"), "Review.\n");
        for (String[] git : new String[][] {{"init", "-q", "-b", "main"}, {"add", "-A"},
                {"-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first"}}) {
            List<String> cmd = new java.util.ArrayList<>(List.of("git"));
            cmd.addAll(List.of(git));
            assertThat(new ProcessBuilder(cmd).directory(upstream.toFile()).inheritIO().start().waitFor()).isZero();
        }
        Path shared = Files.createDirectories(home.resolve("Sync"));
        Path syncthing = Files.createDirectories(home.resolve("state/syncthing")).resolve("config.xml");
        Files.writeString(syncthing, "<configuration><folder id=\"a\" path=\"" + shared + "\"></folder></configuration>\n");
        String out = run(AI_CONFIG, Map.of("AI_LAB_CDS", "0", "AI_LAB_JAVA_OPTS", ""), "init", upstream.toUri().toString());
        assertThat(out).doesNotContain("Where should").contains("Cloned");
        assertThat(home.resolve("data/ai-config/personal")).isDirectory();
        assertThat(shared.resolve("ai-config-personal")).doesNotExist();
    }
}
