package dev.ailab.deployment.state;

import dev.ailab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The writes a {@link StateStore} makes; a seam so tests can inject a crash between two files. */
public interface FileOps {
    void write(Path file, byte[] content);

    void delete(Path file);

    /** Atomic writes through {@link AtomicFiles}, plain deletes. */
    static FileOps atomic() {
        return new FileOps() {
            @Override
            public void write(Path file, byte[] content) {
                AtomicFiles.write(file, content);
            }

            @Override
            public void delete(Path file) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
