package dev.ailab.generators.vectorweight;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The commented starter configs written by {@code vectorweight init}; the same files are in examples/vectorweight/. */
public final class StarterTemplates {
    public static final List<String> NAMES = List.of("minimal", "production", "airgapped", "vector-stores",
            "cerbos-auth", "production_full");
    public static final String DEFAULT = "production";

    private StarterTemplates() {
    }

    /** The text of template {@code name}, which must be one of {@link #NAMES}. */
    public static String text(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown template " + name);
        }
        return new String(Resources.bytes("templates/" + name + ".yaml"), StandardCharsets.UTF_8);
    }
}
