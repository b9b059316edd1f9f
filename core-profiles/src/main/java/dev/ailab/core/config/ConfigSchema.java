package dev.ailab.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The published JSON Schema of the one config schema ({@code vectorweight schema}, {@code ai-lab config schema}). */
public final class ConfigSchema {
    public static final String RESOURCE = "/dev/ailab/core/config/toolkit-config.schema.json";

    private ConfigSchema() {
    }

    public static String text() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
