package dev.ailab.core.config;

import java.nio.file.Path;

/**
 * Says where a value sits in the file it was read from, so a rule that checks the bound model
 * can still report {@code FILE:LINE:COLUMN}. Paths are JSON pointers into the document, such as
 * {@code /clusters/0/domain}; a pointer to a missing value locates its nearest existing parent.
 */
public interface SourceLocator {
    /** The file, or null for config that did not come from a file. */
    Path file();

    /** {@code {line, column}}, 1-based; {@code {0, 0}} when unknown. */
    int[] lineColumn(String pointer);

    default ConfigProblem problem(String pointer, String message, String hint) {
        int[] at = lineColumn(pointer);
        return new ConfigProblem(file(), at[0], at[1], message, hint);
    }

    /** A locator that knows no positions. */
    static SourceLocator none(Path file) {
        return new SourceLocator() {
            @Override
            public Path file() {
                return file;
            }

            @Override
            public int[] lineColumn(String pointer) {
                return new int[] {0, 0};
            }
        };
    }
}
