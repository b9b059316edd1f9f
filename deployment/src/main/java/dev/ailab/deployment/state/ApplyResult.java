package dev.ailab.deployment.state;

import java.util.List;

/** What {@link StateStore#apply} did: files written, deleted, and conflicts kept. */
public record ApplyResult(List<String> written, List<String> deleted, List<String> conflictsKept,
                          List<String> conflictsOverwritten, boolean stateWritten) {
    public boolean nothingWritten() {
        return written.isEmpty() && deleted.isEmpty() && conflictsOverwritten.isEmpty();
    }
}
