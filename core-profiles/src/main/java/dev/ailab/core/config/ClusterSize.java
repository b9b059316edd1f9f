package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Size presets: cores, memory and storage that become quotas, limit ranges and volume sizes. */
public enum ClusterSize {
    @JsonProperty("minimal") MINIMAL(2, 4, 50),
    @JsonProperty("small") SMALL(4, 8, 100),
    @JsonProperty("medium") MEDIUM(8, 16, 250),
    @JsonProperty("large") LARGE(16, 32, 500);

    public final int cpuCores;
    public final int memoryGib;
    public final int storageGib;

    ClusterSize(int cpuCores, int memoryGib, int storageGib) {
        this.cpuCores = cpuCores;
        this.memoryGib = memoryGib;
        this.storageGib = storageGib;
    }
}
