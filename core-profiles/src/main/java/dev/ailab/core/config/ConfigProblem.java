package dev.ailab.core.config;

import java.nio.file.Path;

/**
 * One thing wrong with a config file, where it is, and how to fix it.
 * Line and column are 1-based; 0 when unknown.
 */
public record ConfigProblem(Path file, int line, int column, String message, String hint) {

    /**
     * {@code FILE:LINE:COLUMN: message} followed by the hint on its own line, if any. Without a
     * known position, {@code FILE: message}; for values that came from no file (environment,
     * command line) the message alone, which then names its source.
     */
    public String format() {
        String where = file == null ? "" : file + (line > 0 ? ":" + line + ":" + column : "") + ": ";
        return where + message + (hint == null || hint.isBlank() ? "" : "\n  hint: " + hint);
    }
}
