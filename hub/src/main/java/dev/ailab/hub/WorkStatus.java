package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a work item stands. Stored as its lower-case name. */
public enum WorkStatus {
    todo, doing, blocked, done;

    /** Parses a word given by a person or a file; throws exit 2 with the valid words otherwise. */
    public static WorkStatus parse(String word) {
        if (word != null) {
            String w = word.trim().toLowerCase(Locale.ROOT);
            for (WorkStatus s : values()) {
                if (s.name().equals(w)) {
                    return s;
                }
            }
        }
        throw new InvalidInputException("invalid status '" + word + "'",
                "use one of: " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
