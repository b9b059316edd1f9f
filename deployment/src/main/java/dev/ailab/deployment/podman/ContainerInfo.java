package dev.ailab.deployment.podman;

import java.time.Instant;

/**
 * One container as podman reports it. {@code state} is podman's word (running, exited,
 * created, paused, ...); {@code startedAt} is null when it never started.
 */
public record ContainerInfo(String name, String id, String image, String state, String status, Instant startedAt,
                            int restartCount, int exitCode) {
    public boolean running() {
        return "running".equals(state);
    }

    /** Seconds since the container started, or -1 when it is not running. */
    public long uptimeSeconds(Instant now) {
        return running() && startedAt != null ? Math.max(0, now.getEpochSecond() - startedAt.getEpochSecond()) : -1;
    }
}
