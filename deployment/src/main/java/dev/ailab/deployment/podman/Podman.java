package dev.ailab.deployment.podman;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.OperationFailedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The podman command line: every call is an argument list (never a shell), has a timeout, and
 * asks for {@code --format json} where podman reports data. Names are checked with
 * {@link Names} before they reach an argument list.
 */
public final class Podman {
    private static final Logger LOG = LoggerFactory.getLogger(Podman.class);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;
    private final Map<String, String> env;
    private final Duration timeout;

    public Podman(Path executable, Map<String, String> env, Duration timeout) {
        this.executable = executable;
        this.env = env;
        this.timeout = timeout;
    }

    /** The first executable {@code podman} on the PATH of {@code env}. */
    public static Optional<Path> find(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "podman");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Podman from the PATH of {@code env}, or an exit-3 error saying it is not installed. */
    public static Podman locate(Map<String, String> env, Duration timeout) {
        Path exe = find(env).orElseThrow(() -> new ExternalSystemException("podman is not installed (no 'podman' on PATH)",
                "install it (Debian: apt-get install podman) or put it on PATH"));
        return new Podman(exe, env, timeout);
    }

    public Path executable() {
        return executable;
    }

    /** What one podman call printed and returned. */
    public record Result(int exitCode, String out, String err) {
        public boolean ok() {
            return exitCode == 0;
        }

        String lastErrorLine() {
            String[] lines = err.strip().split("\\R");
            String last = lines.length == 0 ? "" : lines[lines.length - 1];
            return last.isBlank() ? "exit code " + exitCode : last.replaceFirst("^Error: ", "");
        }
    }

    /** Runs {@code podman ARGS...}; a call that outlives the timeout is killed (exit-3 error). */
    public Result run(List<String> args) {
        return run(args, false);
    }

    private Result run(List<String> args, boolean mergeStderr) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(mergeStderr);
        long started = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ExternalSystemException("cannot run " + executable + ": " + e.getMessage(), "check that podman is installed and executable");
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to send
        }
        Reader out = new Reader(process.getInputStream());
        Reader err = new Reader(mergeStderr ? InputStream.nullInputStream() : process.getErrorStream());
        out.start();
        err.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new ExternalSystemException("interrupted while waiting for podman " + String.join(" ", args), null);
        }
        if (!finished) {
            kill(process);
            throw new ExternalSystemException("podman " + String.join(" ", args) + " did not answer within " + seconds(timeout),
                    "check 'podman info' (a stuck storage lock or runtime?); raise the limit with --timeout");
        }
        out.finish();
        err.finish();
        Result r = new Result(process.exitValue(), out.text(), err.text());
        LOG.debug("podman {} -> exit {} in {} ms", args, r.exitCode(), (System.nanoTime() - started) / 1_000_000);
        return r;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Result check(List<String> args) {
        Result r = run(args);
        if (!r.ok()) {
            throw new ExternalSystemException("podman " + String.join(" ", args) + " failed: " + r.lastErrorLine(),
                    "run the same podman command by hand to see the full message");
        }
        return r;
    }

    private static JsonNode json(Result r, List<String> args) {
        try {
            String text = r.out().strip();
            return JSON.readTree(text.isEmpty() ? "[]" : text);
        } catch (IOException e) {
            throw new ExternalSystemException("podman " + String.join(" ", args) + " printed something that is not JSON",
                    "check the podman version ('podman version'); 4.x is supported");
        }
    }

    /** {@code podman version}: the client version. */
    public String version() {
        List<String> args = List.of("version", "--format", "json");
        JsonNode node = json(check(args), args);
        JsonNode client = node.path("Client");
        return client.path("Version").asText(node.path("Version").asText("unknown"));
    }

    /** The pod named {@code pod}, if it exists. */
    public Optional<PodInfo> pod(String pod) {
        Names.check("pod", pod);
        List<String> args = List.of("pod", "ps", "--format", "json");
        for (JsonNode n : json(check(args), args)) {
            if (pod.equals(n.path("Name").asText())) {
                return Optional.of(new PodInfo(pod, n.path("Id").asText(), n.path("Status").asText(), n.path("Containers").size()));
            }
        }
        return Optional.empty();
    }

    /** The containers of {@code pod} (infra containers left out), with state, start time and restart count. */
    public List<ContainerInfo> containers(String pod) {
        Names.check("pod", pod);
        List<String> args = List.of("ps", "--all", "--filter", "pod=" + pod, "--format", "json");
        List<String> names = new ArrayList<>();
        for (JsonNode n : json(check(args), args)) {
            if (n.path("IsInfra").asBoolean(false)) {
                continue;
            }
            JsonNode ns = n.path("Names");
            String name = ns.isArray() && ns.size() > 0 ? ns.get(0).asText() : ns.asText();
            if (Names.isValid(name)) {
                names.add(name);
            } else {
                LOG.warn("skipped container with an unexpected name in pod {}", pod);
            }
        }
        return inspect(names);
    }

    /** {@code podman container inspect} of the given names; names podman does not know are left out. */
    public List<ContainerInfo> inspect(List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("container", "inspect", "--format", "json"));
        for (String n : names) {
            args.add(Names.check("container", n));
        }
        Result r = run(args);
        // With an unknown name podman still prints the known ones and exits non-zero.
        if (!r.ok() && r.out().isBlank()) {
            if (r.err().contains("no such")) {
                return List.of();
            }
            throw new ExternalSystemException("podman container inspect failed: " + r.lastErrorLine(), null);
        }
        List<ContainerInfo> result = new ArrayList<>();
        for (JsonNode n : json(r, args)) {
            JsonNode state = n.path("State");
            result.add(new ContainerInfo(n.path("Name").asText(), shortId(n.path("Id").asText()), n.path("ImageName").asText(n.path("Image").asText()),
                    state.path("Status").asText("unknown"), describe(state), instant(state.path("StartedAt").asText(null)),
                    n.path("RestartCount").asInt(0), state.path("ExitCode").asInt(0)));
        }
        return result;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String describe(JsonNode state) {
        String status = state.path("Status").asText("unknown");
        if ("exited".equals(status)) {
            return "exited (" + state.path("ExitCode").asInt() + ")";
        }
        return status;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text.replaceFirst(" ([+-]\\d{4}) \\w+$", "$1").replace(' ', 'T'),
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.n]Z")).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** {@code podman restart NAME}. */
    public void restartContainer(String container) {
        check(List.of("restart", Names.check("container", container)));
    }

    /** {@code podman pod restart POD} (starts every container of the pod). */
    public void restartPod(String pod) {
        Names.check("pod", pod);
        if (pod(pod).isEmpty()) {
            throw new OperationFailedException("there is no pod named " + pod, "create the pod first (see 'ai-lab deploy status')");
        }
        check(List.of("pod", "restart", pod));
    }

    /** The last {@code tail} lines of the container's log, stdout and stderr interleaved as podman gives them. */
    public String logs(String container, int tail) {
        List<String> args = List.of("logs", "--tail", Integer.toString(Math.max(0, tail)), Names.check("container", container));
        Result r = run(args, true);
        if (!r.ok()) {
            String text = r.out().strip();
            String last = text.isEmpty() ? "exit code " + r.exitCode() : text.substring(text.lastIndexOf('\n') + 1).replaceFirst("^Error: ", "");
            throw new ExternalSystemException("podman logs " + container + " failed: " + last, null);
        }
        return r.out();
    }

    /** Drains a process stream on its own thread so a chatty process never blocks on a full pipe. */
    private static final class Reader extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Reader(InputStream in) {
            this.in = in;
            setDaemon(true);
            setName("podman-output");
        }

        @Override
        public void run() {
            try (in) {
                in.transferTo(bytes);
            } catch (IOException ignored) {
                // the process went away
            }
        }

        void finish() {
            try {
                join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
