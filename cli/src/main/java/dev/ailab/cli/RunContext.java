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
public record RunContext(Map<String, String> env, Path workingDir, InputStream stdin, boolean interactive) {

    /** The real process context. */
    public static RunContext system() {
        return new RunContext(System.getenv(), Path.of("").toAbsolutePath(), System.in, System.console() != null);
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
