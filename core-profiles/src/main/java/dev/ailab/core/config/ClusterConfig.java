package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One cluster of a vectorweight project. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "domain", "size", "gpu_enabled", "vector_store", "cerbos_enabled", "age_recipients", "resources"})
public class ClusterConfig {
    public String name;
    public String domain;
    public ClusterSize size;
    public Boolean gpuEnabled;
    public VectorStore vectorStore;
    public Boolean cerbosEnabled;
    /** age recipients of the cluster's engine, for its SOPS secrets. */
    public java.util.List<String> ageRecipients;
    /** Overrides of the size preset; null fields keep the preset's value. */
    public ResourceOverrides resources;

    /** Per-cluster overrides of a size preset. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class ResourceOverrides {
        public Integer cpuCores;
        public Integer memoryGib;
        public Integer storageGib;
        public Integer gpuCount;
        public String storageClass;
    }
}
