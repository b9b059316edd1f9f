package dev.ailab.generators.vectorweight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files shipped inside the jar next to this package. */
final class Resources {
    private Resources() {
    }

    static byte[] bytes(String relative) {
        String name = "/dev/ailab/generators/vectorweight/" + relative;
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
