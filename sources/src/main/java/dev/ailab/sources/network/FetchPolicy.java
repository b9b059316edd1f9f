package dev.ailab.sources.network;

import java.time.Duration;

/**
 * Time-outs and retries of one fetch: connect and read time-outs (read: the longest wait for the
 * next bytes), how many attempts in all, and the first back-off (doubled per retry, capped).
 */
public record FetchPolicy(Duration connectTimeout, Duration readTimeout, int attempts, Duration backoff, Duration maxBackoff) {
    public static FetchPolicy defaults() {
        return new FetchPolicy(Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** The wait before attempt {@code n} (2, 3, ...). */
    Duration backoffBefore(int attempt) {
        long ms = backoff.toMillis() << Math.min(attempt - 2, 20);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }
}
