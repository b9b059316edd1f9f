package dev.ailab.cli.aiconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ai-config init}'s question about where {@code personal/} lives, asked by the shipped
 * launcher on the packaged jars under a real pseudo-terminal (python3's {@code pty} module), and
 * not asked when standard input is not a terminal. The in-process tests inject the terminal; this
 * one covers the detection itself ({@code System.console()} in {@code RunContext.system()}).
 */
class InitTerminalIT {
    private static final Path AI_CONFIG = Path.of("..", "bin", "ai-config").toAbsolutePath().normalize();
    private static final long TIMEOUT_SECONDS = 180;

    /**
     * Starts argv[2:] on a new pseudo-terminal, waits for the text argv[1] in its output, types
     * Enter, and copies everything it printed to stdout; exits with the command's exit code.
     */
    private static final String DRIVER = """
            import os, pty, select, sys, time
            prompt, argv = sys.argv[1].encode(), sys.argv[2:]
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(argv[0], argv)
            seen, answered, deadline = b"", False, time.time() + %d
            while time.time() < deadline:
                ready, _, _ = select.select([fd], [], [], 1.0)
                if not ready:
                    continue
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
                if not answered and prompt in seen:
                    os.write(fd, b"\\n")
                    answered = True
            sys.stdout.write(seen.decode("utf-8", "replace"))
            _, status = os.waitpid(pid, 0)
            sys.exit(os.waitstatus_to_exitcode(status))
            """.formatted(TIMEOUT_SECONDS - 20);

    @TempDir
    Path tmp;
    Path home;
    Path shared;
    TestUpstream upstream;

    @BeforeEach
    void setUp() throws IOException {
        assumeThat(Path.of("/usr/bin/python3")).as("python3 runs the pseudo-terminal").isExecutable();
        home = Files.createDirectories(tmp.resolve("home"));
        upstream = new TestUpstream(tmp.resolve("upstream"), true);
        // A Syncthing folder for init to offer as the first choice.
        shared = Files.createDirectories(home.resolve("Sync"));
        Path config = Files.createDirectories(home.resolve("state/syncthing")).resolve("config.xml");
        Files.writeString(config, "<configuration version=\"37\">\n    <folder id=\"abc-123\" label=\"Default\" path=\""
                + shared + "\" type=\"sendreceive\">\n    </folder>\n</configuration>\n");
    }

    @Test
    void onATerminalInitAsksAndTakesTheSyncedFolderOnEnter() throws Exception {
        Path driver = Files.writeString(tmp.resolve("pty-driver.py"), DRIVER);
        Run r = run(List.of("/usr/bin/python3", driver.toString(), "Choice [1], or a folder: ",
                AI_CONFIG.toString(), "init", upstream.url()), false);
        assertThat(r.code()).as(r.output()).isZero();
        Path chosen = shared.resolve("ai-config-personal");
        assertThat(r.output()).contains("Where should personal/").contains("1) " + chosen).contains("Syncthing")
                .contains("personal/ will be " + chosen).contains("Cloned ");
        assertThat(chosen).isDirectory();
    }

    @Test
    void withoutATerminalInitAsksNothingAndKeepsTheDefault() throws Exception {
        Run r = run(List.of(AI_CONFIG.toString(), "init", upstream.url()), true);
        assertThat(r.code()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("Where should personal/").contains("Cloned ");
        assertThat(shared.resolve("ai-config-personal")).doesNotExist();
    }

    private record Run(int code, String output) {
    }

    /** Runs {@code command} with the home's XDG folders, output to a file; stdin from /dev/null when asked. */
    private Run run(List<String> command, boolean stdinFromDevNull) throws IOException, InterruptedException {
        Path log = Files.createTempFile(tmp, "run-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (stdinFromDevNull) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("AI_LAB_CDS", "0"); // no background training started by this test
        env.remove("NO_COLOR");
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        p.waitFor(10, TimeUnit.SECONDS);
        return new Run(p.isAlive() ? -1 : p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
