package dev.ailab.core.config;

import java.nio.file.Path;

/**
 * One thing wrong with a config file, where it is, and how to fix it.
 * Line and column are 1-based; 0 when unknown.
 */
public record ConfigProblem(Path file, int line, int column, String message, String hint) {

    /** {@code FILE:LINE:COLUMN: message} followed by the hint on its own line, if any. */
    public String format() {
        String where = (file == null ? "<config>" : file.toString()) + (line > 0 ? ":" + line + ":" + column : "");
        return where + ": " + message + (hint == null || hint.isBlank() ? "" : "\n  hint: " + hint);
    }
}
