package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GitHub: API location, owner, and the names of the variables holding the token and webhook secret (never the secrets). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GithubConfig {
    public String apiUrl;
    public String owner;
    public String tokenEnv;
    /** owner/name of the repository whose issues a project syncs with. */
    public String repository;
    /** Whether repositories vectorweight creates are private (default true). */
    @JsonProperty("private")
    public Boolean privateRepository;
    public String description;
    public List<String> topics;
    /** Whether new local items of a synced project become issues without --push. */
    public Boolean pushNew;
    public String webhookSecretEnv;
}
