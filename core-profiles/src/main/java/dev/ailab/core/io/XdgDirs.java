package dev.ailab.core.io;

import java.nio.file.Path;
import java.util.Map;

/** XDG base directories, read from an environment map so tests can point them anywhere. */
public record XdgDirs(Path configHome, Path dataHome, Path stateHome, Path cacheHome) {

    public static XdgDirs from(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        return new XdgDirs(
                dir(env, "XDG_CONFIG_HOME", home.resolve(".config")),
                dir(env, "XDG_DATA_HOME", home.resolve(".local/share")),
                dir(env, "XDG_STATE_HOME", home.resolve(".local/state")),
                dir(env, "XDG_CACHE_HOME", home.resolve(".cache")));
    }

    private static Path dir(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        // The spec says relative values are invalid and must be ignored.
        return value == null || value.isBlank() || !Path.of(value).isAbsolute() ? fallback : Path.of(value);
    }

    /** Expands a leading {@code ~/} against the JVM's idea of the user's home. */
    public static Path expandHome(String path) {
        return expandHome(path, Path.of(System.getProperty("user.home")));
    }

    /** Expands a leading {@code ~/} against {@code home} (a run's own {@code HOME}). */
    public static Path expandHome(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
