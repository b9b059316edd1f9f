package dev.ailab.generators.vectorweight;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The whole generated repository in memory (path to bytes, sorted) and the warnings raised on the way. */
public record GeneratedRepository(SortedMap<String, byte[]> files, List<String> warnings) {
    public GeneratedRepository {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        warnings = List.copyOf(warnings);
    }
}
