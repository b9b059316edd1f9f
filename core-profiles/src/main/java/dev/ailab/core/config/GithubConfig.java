package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/** GitHub: API location, owner, and the name of the variable holding the token (never the token). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GithubConfig {
    public String apiUrl;
    public String owner;
    public String tokenEnv;
}
