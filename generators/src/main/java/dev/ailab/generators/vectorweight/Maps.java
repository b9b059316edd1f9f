package dev.ailab.generators.vectorweight;

import java.util.LinkedHashMap;
import java.util.Map;

/** Insertion-ordered maps, the documents every part of the repository is written from. */
final class Maps {
    private Maps() {
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
