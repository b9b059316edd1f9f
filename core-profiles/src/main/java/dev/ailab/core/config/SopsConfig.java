package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** SOPS secrets of vectorweight's generated repository: the admins' age recipients. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SopsConfig {
    /** Added to every cluster's secrets; null or empty: the clusters' own recipients only. */
    public List<String> recipients;
}
