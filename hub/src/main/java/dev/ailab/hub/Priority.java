package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import java.util.Locale;

/** Priority of a work item, stored as its rank (1 low .. 4 urgent) so it sorts in SQL. */
public enum Priority {
    low(1), normal(2), high(3), urgent(4);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public static Priority ofRank(int rank) {
        for (Priority p : values()) {
            if (p.rank == rank) {
                return p;
            }
        }
        return normal;
    }

    /** Accepts the word (low, normal, high, urgent), its first letter, or the rank 1-4. */
    public static Priority parse(String word) {
        if (word != null) {
            String w = word.trim().toLowerCase(Locale.ROOT);
            for (Priority p : values()) {
                if (p.name().equals(w) || (w.length() == 1 && p.name().charAt(0) == w.charAt(0))
                        || w.equals(Integer.toString(p.rank))) {
                    return p;
                }
            }
        }
        throw new InvalidInputException("invalid priority '" + word + "'",
                "use one of: low, normal, high, urgent (or l, n, h, u, or 1-4)");
    }
}
