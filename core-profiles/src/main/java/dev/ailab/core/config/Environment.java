package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a vectorweight project runs. */
public enum Environment {
    @JsonProperty("development") DEVELOPMENT,
    @JsonProperty("staging") STAGING,
    @JsonProperty("production") PRODUCTION
}
