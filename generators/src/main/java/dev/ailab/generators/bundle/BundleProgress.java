package dev.ailab.generators.bundle;

/**
 * Where bundle commands report their steps (charts, images, bytes). One small interface so the
 * command line can show a bar on a terminal and plain lines otherwise.
 */
@FunctionalInterface
public interface BundleProgress {
    BundleProgress NONE = line -> { };

    void step(String line);
}
