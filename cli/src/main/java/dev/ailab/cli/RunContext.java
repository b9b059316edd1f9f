package dev.ailab.cli;

import dev.ailab.core.config.ConfigLoader;
import dev.ailab.core.io.XdgDirs;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may know of the world it runs in: environment, working folder, standard input,
 * whether a person is at a terminal. Commands read these from here, never from {@code System},
 * so tests can run them in isolation inside one JVM.
 */
public record RunContext(Map<String, String> env, Path workingDir, InputStream stdin, boolean interactive,
                         boolean stderrTerminal) {

    /** A context whose stderr is a terminal exactly when a person is at one. */
    public RunContext(Map<String, String> env, Path workingDir, InputStream stdin, boolean interactive) {
        this(env, workingDir, stdin, interactive, interactive);
    }

    /**
     * The real process context. Java cannot ask whether stderr alone is a terminal; the launcher
     * can ({@code [ -t 2 ]}, no process) and says so in {@code -Dailab.stderr.tty}; without it,
     * a console means stderr is one too.
     */
    public static RunContext system() {
        boolean console = System.console() != null;
        String tty = System.getProperty("ailab.stderr.tty");
        return new RunContext(System.getenv(), Path.of("").toAbsolutePath(), System.in, console,
                tty == null ? console : Boolean.parseBoolean(tty));
    }

    public XdgDirs xdg() {
        return XdgDirs.from(env);
    }

    public ConfigLoader configLoader() {
        return new ConfigLoader(xdg(), workingDir, env);
    }

    /** Resolves a path given by the user against the working folder. */
    public Path resolve(String path) {
        String home = env.get("HOME");
        Path expanded = home == null ? XdgDirs.expandHome(path) : XdgDirs.expandHome(path, Path.of(home));
        return workingDir.resolve(expanded).normalize();
    }

    public String env(String name) {
        return env.get(name);
    }
}
