package dev.ailab.sources.library;

import dev.ailab.core.error.OperationFailedException;
import java.util.List;

/**
 * An update or rollback stopped before touching anything because files with local edits in
 * library/ changed upstream too (exit 1). Both versions stay recoverable: the local one in
 * library/, the upstream one in the fetched commit.
 */
public class LibraryConflictException extends OperationFailedException {
    private final List<String> paths;
    private final UpdateReport report;

    public LibraryConflictException(String message, String hint, List<String> paths, UpdateReport report) {
        super(message, hint);
        this.paths = List.copyOf(paths);
        this.report = report;
    }

    public List<String> paths() {
        return paths;
    }

    public UpdateReport report() {
        return report;
    }
}
