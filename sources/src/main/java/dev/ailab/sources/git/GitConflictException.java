package dev.ailab.sources.git;

import dev.ailab.core.error.OperationFailedException;
import java.util.List;

/** A change cannot be applied because files with local edits would have to change (exit 1). */
public class GitConflictException extends OperationFailedException {
    private final List<String> paths;

    public GitConflictException(String message, String hint, List<String> paths) {
        super(message, hint);
        this.paths = List.copyOf(paths);
    }

    public List<String> paths() {
        return paths;
    }
}
