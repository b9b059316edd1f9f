package dev.ailab.deployment.podman;

/** A pod as {@code podman pod ps} reports it. */
public record PodInfo(String name, String id, String status, int containers) {
}
