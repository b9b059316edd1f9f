package dev.ailab.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a front in-process the way {@code main} does, with its own environment, working folder
 * and standard input, and captures stdout and stderr. XDG folders point inside {@code home}.
 */
public final class CliHarness {
    private final Supplier<RootCommand> root;
    private final Map<String, String> env = new HashMap<>();
    private Path workingDir;
    private InputStream stdin = new ByteArrayInputStream(new byte[0]);
    private boolean interactive;
    private Boolean stderrTerminal;

    public CliHarness(Supplier<RootCommand> root, Path home) {
        this.root = root;
        this.workingDir = home;
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    public static CliHarness aiLab(Path home) {
        return new CliHarness(AiLabCommand::new, home);
    }

    public CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliHarness workingDir(Path dir) {
        this.workingDir = dir;
        return this;
    }

    public CliHarness stdin(String text) {
        this.stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public CliHarness interactive(boolean interactive) {
        this.interactive = interactive;
        return this;
    }

    /** Whether stderr is a terminal (default: as {@link #interactive}). */
    public CliHarness stderrTerminal(boolean terminal) {
        this.stderrTerminal = terminal;
        return this;
    }

    public Map<String, String> env() {
        return env;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RunContext context = new RunContext(Map.copyOf(env), workingDir, stdin, interactive,
                stderrTerminal == null ? interactive : stderrTerminal);
        int code = CommandLineFactory.create(root.get(), context, new PrintWriter(out), new PrintWriter(err), args).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
