package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The vector database deployed into a cluster. */
public enum VectorStore {
    @JsonProperty("weaviate") WEAVIATE,
    @JsonProperty("qdrant") QDRANT,
    @JsonProperty("chroma") CHROMA,
    @JsonProperty("none") NONE
}
