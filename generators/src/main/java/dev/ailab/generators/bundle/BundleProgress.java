package dev.ailab.generators.bundle;

/**
 * Where bundle commands report their work (charts, images, bytes). Two kinds of report, and
 * the command line picks one: {@link #line} for plain lines (a pipe, a log) and {@link #count}
 * for a redrawn bar on a terminal. Both default to nothing, so either side can ignore the other.
 */
public interface BundleProgress {
    BundleProgress NONE = new BundleProgress() { };

    /** One step worth a line of its own ("chart 2/6 qdrant 1.13.4"). */
    default void line(String line) {
    }

    /** {@code done} of {@code total} units of {@code task}; may be called often (every buffer). */
    default void count(String task, long done, long total) {
    }
}
