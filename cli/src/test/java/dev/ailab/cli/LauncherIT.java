package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped launcher on the packaged jars: the first run starts the training of the class-data
 * archives (lean, and full for commands that load Hibernate), and the archives are usable. {@code -Xshare:on} makes the JVM fail instead of quietly
 * running without an archive, so a dump that crashes or an archive that does not map fails here.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "ai-lab").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void firstRunMakesAClassDataArchiveThatLaterRunsMap() throws Exception {
        assertThat(run("--version")).startsWith("ai-lab ");
        run("work", "add", "from the launcher");
        assertThat(run("work", "list")).contains("from the launcher");
        assertThat(run("secrets", "init")).isNotBlank();
        assertThat(run("session", "list")).contains("no sessions");
        // The first run started one training in the background that makes both archives.
        LauncherFirstRunIT.awaitTraining(home.resolve("cache/ai-lab/cds"));
        // Later runs map them: the lean one, and the full one for commands that load Hibernate.
        assertThat(run("work", "list")).contains("from the launcher");
        assertThat(run("session", "list")).contains("no sessions");
        try (Stream<Path> files = Files.list(home.resolve("cache/ai-lab/cds"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).as("archive folder").anyMatch(n -> n.endsWith("-lean.jsa"))
                    .anyMatch(n -> n.endsWith("-full.jsa")).noneMatch(n -> n.endsWith(".failed"));
        }
    }

    private String run(String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(args)).toList())
                .redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("AI_LAB_DEPLOY_DIR", home.resolve("host").toString());
        pb.environment().put("AI_LAB_JAVA_OPTS", "-Xshare:on");
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
