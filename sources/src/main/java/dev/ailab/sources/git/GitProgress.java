package dev.ailab.sources.git;

/** Receives progress of a long git operation (clone, fetch). Called from a background thread. */
@FunctionalInterface
public interface GitProgress {
    GitProgress NONE = (task, done, total) -> { };

    /** {@code total} is 0 when unknown. */
    void update(String task, long done, long total);
}
