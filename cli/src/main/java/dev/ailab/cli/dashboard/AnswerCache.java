package dev.ailab.cli.dashboard;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The API's answers as bytes, until the store changes: the live loop empties it on every change
 * it finds and a write through the server empties it first, so a page that asks twice for 10,000
 * cards pays for the query and the JSON once. An answer is also dropped after a minute, so that
 * "due this week" follows the calendar on a store nobody writes.
 */
final class AnswerCache {
    static final long MAX_AGE_MS = 60_000;
    private static final int MAX_ENTRIES = 64;

    interface Answer {
        byte[] compute() throws IOException;
    }

    private record Entry(byte[] body, long at) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();
    private long generation;

    AnswerCache(Clock clock) {
        this.clock = clock;
    }

    byte[] get(String key, Answer answer) throws IOException {
        long started;
        synchronized (this) {
            Entry e = entries.get(key);
            if (e != null && clock.millis() - e.at() < MAX_AGE_MS) {
                return e.body();
            }
            started = generation;
        }
        byte[] body = answer.compute();
        synchronized (this) {
            // Kept only when no change came while it was computed: else it may be older than the change.
            if (generation == started) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(key, new Entry(body, clock.millis()));
            }
        }
        return body;
    }

    synchronized void clear() {
        generation++;
        entries.clear();
    }
}
