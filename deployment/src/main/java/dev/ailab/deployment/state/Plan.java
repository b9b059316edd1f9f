package dev.ailab.deployment.state;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The difference between what a generator wants in a folder and what the folder holds,
 * one entry per file, sorted by path. Computed without writing anything.
 */
public record Plan(List<FileChange> changes, ManagedState previous, String generator, String generatorVersion,
                   String inputHash, boolean recovered, List<String> notes) {

    public Map<FileAction, Integer> counts() {
        Map<FileAction, Integer> counts = new EnumMap<>(FileAction.class);
        for (FileAction a : FileAction.values()) {
            counts.put(a, 0);
        }
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        return counts;
    }

    /** True when applying would change a file on disk. */
    public boolean changesFiles() {
        return changes.stream().anyMatch(c -> c.action().changesDisk());
    }

    public boolean hasConflicts() {
        return changes.stream().anyMatch(c -> c.action() == FileAction.CONFLICT);
    }

    /** True when applying would change neither a file nor the recorded state. */
    public boolean upToDate() {
        return !changesFiles() && !hasConflicts()
                && changes.stream().noneMatch(c -> c.action() == FileAction.FORGET)
                && !recovered
                && generator.equals(previous.generator())
                && generatorVersion.equals(previous.generatorVersion())
                && inputHash.equals(previous.inputHash());
    }
}
