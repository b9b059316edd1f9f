package dev.ailab.deployment.state;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a generator last wrote into an output folder: who wrote it, from which input (a hash of
 * the config), and the SHA-256 of every file it owns, keyed by path relative to the folder
 * ({@code /} separated, sorted), and the notes (warnings) the generator reported for that input, so a
 * run that skips generation because nothing changed can still repeat them.
 */
public record ManagedState(String generator, String generatorVersion, String inputHash, SortedMap<String, String> files,
                           List<String> notes) {
    public ManagedState {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        notes = List.copyOf(notes);
    }

    public ManagedState(String generator, String generatorVersion, String inputHash, SortedMap<String, String> files) {
        this(generator, generatorVersion, inputHash, files, List.of());
    }

    public static ManagedState empty() {
        return new ManagedState(null, null, null, new TreeMap<>());
    }

    public ManagedState withFiles(Map<String, String> newFiles) {
        return new ManagedState(generator, generatorVersion, inputHash, new TreeMap<>(newFiles), notes);
    }
}
