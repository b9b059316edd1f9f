package dev.ailab.cli.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in {@code podman}: a small sh script in its own folder that records each call's
 * arguments (one call a line) and answers with JSON recorded from the real podman 4.3.
 * Put {@link #binDir()} first on PATH.
 */
public final class FakePodman {
    private final Path dir;

    public FakePodman(Path root) throws IOException {
        this.dir = root.resolve("fake-podman");
        Files.createDirectories(dir.resolve("bin"));
        for (String f : List.of("version.json", "pod-ps.json", "ps.json", "inspect.json")) {
            try (InputStream in = FakePodman.class.getResourceAsStream("/podman/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        Files.writeString(dir.resolve("logs.txt"), "hello-claude\nsecond line\n");
        String script = """
                #!/bin/sh
                d='%s'
                printf '%%s\\n' "$*" >> "$d/calls.log"
                [ -f "$d/delay" ] && sleep "$(cat "$d/delay")"
                [ -f "$d/stderr" ] && cat "$d/stderr" >&2
                if [ -f "$d/exit" ]; then exit "$(cat "$d/exit")"; fi
                case "$1 $2" in
                  "version "*) cat "$d/version.json" ;;
                  "pod ps") cat "$d/pod-ps.json" ;;
                  "pod restart") echo "$3" ;;
                  "ps "*) cat "$d/ps.json" ;;
                  "container inspect") cat "$d/inspect.json" ;;
                  "restart "*) echo "$2" ;;
                  "logs "*) cat "$d/logs.txt" ;;
                  *) echo "Error: unknown command $1" >&2; exit 125 ;;
                esac
                """.formatted(dir.toString().replace("'", "'\\''"));
        Path exe = dir.resolve("bin/podman");
        Files.writeString(exe, script);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    public Path binDir() {
        return dir.resolve("bin");
    }

    /** An environment whose PATH has the stand-in first. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", binDir() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    public List<String> calls() throws IOException {
        Path log = dir.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    public FakePodman delay(int seconds) throws IOException {
        Files.writeString(dir.resolve("delay"), Integer.toString(seconds));
        return this;
    }

    public FakePodman fail(int exit, String stderr) throws IOException {
        Files.writeString(dir.resolve("exit"), Integer.toString(exit));
        Files.writeString(dir.resolve("stderr"), stderr + "\n");
        return this;
    }

    /** Replaces a recorded answer, for example "pod-ps.json" with "[]". */
    public FakePodman answer(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
        return this;
    }

    /** Rewrites the recorded inspect output so that every container reads as running (or not). */
    public FakePodman allRunning() throws IOException {
        String text = Files.readString(dir.resolve("inspect.json"));
        return answer("inspect.json", text.replace("\"Status\": \"exited\"", "\"Status\": \"running\""));
    }
}
