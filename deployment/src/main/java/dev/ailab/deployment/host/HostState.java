package dev.ailab.deployment.host;

/** The one-word summary of a host, from least to most ready. */
public enum HostState {
    NOT_INSTALLED("not-installed"),
    NEEDS_SECRETS("needs-secrets"),
    STOPPED("stopped"),
    DEGRADED("degraded"),
    RUNNING("running");

    private final String label;

    HostState(String label) {
        this.label = label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
