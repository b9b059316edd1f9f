package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The GitOps engine vectorweight lays the generated repository out for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitopsConfig {
    /** The engine; null means {@link Engine#ARGOCD}. */
    public Engine engine;

    /** What syncs the clusters from the repository. */
    public enum Engine {
        @JsonProperty("argocd") ARGOCD,
        @JsonProperty("flux") FLUX
    }

    /** The engine with the default applied. */
    public Engine engineOrDefault() {
        return engine == null ? Engine.ARGOCD : engine;
    }
}
