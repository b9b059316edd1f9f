package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.ConfigLoader;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.io.XdgDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Shared helpers: a loader isolated from the user's environment, configs from the starter templates. */
public final class Fixtures {
    private Fixtures() {
    }

    public static ConfigLoader loader(Path home) {
        return new ConfigLoader(XdgDirs.from(Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString())), home, Map.of());
    }

    public static Path write(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path template(Path dir, String name) {
        return write(dir, name + ".yaml", StarterTemplates.text(name));
    }

    public static ToolkitConfig config(Path home, String template) {
        return new Vectorweight(loader(home)).validate(template(home, template));
    }
}
