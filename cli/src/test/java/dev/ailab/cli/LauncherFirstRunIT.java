package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped launcher's first run after a build: it returns without waiting for the class-data
 * archive, which one detached training makes in the background (never holding the command's
 * output streams, never touching the user's folders), and the runs after it map them. No wall
 * times are asserted: "without waiting" is seen as the archive not being there yet when the
 * command has returned and closed its output, which a training of tens of seconds makes certain.
 */
class LauncherFirstRunIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "ai-lab").toAbsolutePath().normalize();
    /** {@code -Xshare:on}: a run fails instead of quietly running without an archive; cds=info names the one it opened. */
    private static final String JAVA_OPTS = "-Xshare:on -Xlog:cds=info:stderr";
    private static final Pattern OPENED = Pattern.compile("Opened archive (\\S+?)\\.?$", Pattern.MULTILINE);

    @TempDir
    Path home;

    @Test
    void firstRunReturnsWithoutTheArchiveAndTheNextRunsMapWhatTheBackgroundTrainingMade() throws Exception {
        Result first = run("--version");
        assertThat(first.stdout()).startsWith("ai-lab ").contains("Java ");
        assertThat(archives()).as("archives when the first run has returned").isEmpty();
        assertThat(first.openedArchive()).as("archive the first run mapped").doesNotContain("/ai-lab/cds/");
        List<String> userFilesAfterFirstRun = filesOutsideTheArchiveFolder();

        awaitTraining(cds(home));

        assertThat(archives()).containsExactly(onlyArchive());
        assertThat(filesOutsideTheArchiveFolder()).as("the training touched nothing of the user's")
                .isEqualTo(userFilesAfterFirstRun);
        Result second = run("--version");
        assertThat(second.stdout()).isEqualTo(first.stdout());
        assertThat(second.openedArchive()).startsWith(cds(home).toString()).endsWith("-lean.jsa");
        Result hub = run("idea", "list");
        assertThat(hub.openedArchive()).startsWith(cds(home).toString()).endsWith("-lean.jsa");
        assertThat(trainingsStarted()).isEqualTo(1);
    }

    @Test
    void concurrentFirstRunsStartOneTraining() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(start("--version"));
        }
        processes.add(start("idea", "list"));
        for (Process process : processes) {
            finish(process);
        }
        // And one more while the training runs.
        run("work", "list");
        awaitTraining(cds(home));
        assertThat(archives()).containsExactly(onlyArchive());
        assertThat(trainingsStarted()).as(log()).isEqualTo(1);
    }

    @Test
    void aLockLeftByAKilledTrainingDoesNotStopTheNextOne() throws Exception {
        // The first run trains; its archives and log are then dropped and a dead process's lock
        // left behind.
        run("--version");
        awaitTraining(cds(home));
        String base = archives().get(0).replaceFirst("-lean\\.jsa$", "");
        for (String name : names(cds(home))) {
            Files.delete(cds(home).resolve(name));
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.createSymbolicLink(cds(home).resolve(base + ".lock"), Path.of(Long.toString(gone.pid())));

        assertThat(run("--version").stdout()).startsWith("ai-lab ");
        awaitTraining(cds(home));
        assertThat(archives()).containsExactly(onlyArchive());
        assertThat(trainingsStarted()).isEqualTo(1);
    }

    /** A test that failed half-way still lets its training end before its folder is deleted. */
    @AfterEach
    void letTheTrainingEnd() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (names(cds(home)).stream().anyMatch(n -> n.endsWith(".lock")) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }

    /**
     * Waits (up to 180 s) until the training in the background has ended: no lock left, and
     * the archive either made or marked failed. Tests that start the launcher on a
     * fresh cache call this before they end, so no training writes into a folder being deleted.
     */
    static void awaitTraining(Path cdsDir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            List<String> names = names(cdsDir);
            boolean locked = names.stream().anyMatch(n -> n.endsWith(".lock"));
            boolean lean = names.stream().anyMatch(n -> n.endsWith("-lean.jsa") || n.endsWith("-lean.jsa.failed"));
            if (!locked && lean) {
                assertThat(names).as("archive folder").noneMatch(n -> n.endsWith(".failed"))
                        .noneMatch(n -> n.startsWith(".toolkit-")).noneMatch(n -> n.contains(".started."));
                return;
            }
            assertThat(System.nanoTime()).as("training still running after 180 s: " + names).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path cds(Path home) {
        return home.resolve("cache/ai-lab/cds");
    }

    /** The one archive a training makes (no command loads Hibernate, so there is no second kind). */
    private String onlyArchive() throws IOException {
        List<String> made = archives();
        assertThat(made).hasSize(1);
        assertThat(made.get(0)).endsWith("-lean.jsa");
        return made.get(0);
    }

    private List<String> archives() throws IOException {
        return names(cds(home)).stream().filter(n -> n.endsWith(".jsa")).toList();
    }

    private String log() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : names(cds(home))) {
            if (name.endsWith(".log")) {
                text.append(Files.readString(cds(home).resolve(name), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private long trainingsStarted() throws IOException {
        return log().lines().filter(l -> l.matches("\\S+ training \\d+ started: .*")).count();
    }

    private List<String> filesOutsideTheArchiveFolder() throws IOException {
        Path cds = cds(home);
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(p -> !p.startsWith(cds)).map(p -> home.relativize(p).toString()).sorted().toList();
        }
    }

    private record Result(String stdout, String stderr) {
        String openedArchive() {
            Matcher m = OPENED.matcher(stderr);
            return m.find() ? m.group(1) : "";
        }
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return finish(start(args));
    }

    private Process start(String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(args)).toList());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("AI_LAB_DEPLOY_DIR", home.resolve("host").toString());
        pb.environment().put("AI_LAB_JAVA_OPTS", JAVA_OPTS);
        pb.environment().remove("AI_LAB_CDS");
        return pb.start();
    }

    /**
     * Reads both streams to their end: they end when every process holding them has closed
     * them, so a training that inherited them would keep this waiting until it is done.
     */
    private static Result finish(Process process) throws IOException, InterruptedException {
        process.getOutputStream().close();
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(err.join(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stdout + stderr).isZero();
        return new Result(stdout, stderr);
    }
}
