package dev.ailab.integrations.github;

import dev.ailab.core.config.GithubConfig;
import dev.ailab.core.error.InvalidInputException;
import java.util.Map;
import java.util.function.Function;

/**
 * Where GitHub is and where its token comes from. The token itself is never part of a config:
 * it is read from the environment variable named by {@code github.token_env} (default
 * {@code GITHUB_TOKEN}) at the moment a client is built, and held only inside that client.
 */
public record GithubSettings(String apiUrl, String tokenEnv, String webhookSecretEnv, GithubConfig config,
                             Function<String, String> env) {
    public static final String DEFAULT_API = "https://api.github.com";

    public static GithubSettings of(GithubConfig config, Map<String, String> env) {
        GithubConfig c = config == null ? new GithubConfig() : config;
        String api = c.apiUrl == null || c.apiUrl.isBlank() ? DEFAULT_API : c.apiUrl.replaceAll("/+$", "");
        String tokenEnv = c.tokenEnv == null || c.tokenEnv.isBlank() ? "GITHUB_TOKEN" : c.tokenEnv;
        String secretEnv = c.webhookSecretEnv == null || c.webhookSecretEnv.isBlank() ? "GITHUB_WEBHOOK_SECRET"
                : c.webhookSecretEnv;
        return new GithubSettings(api, tokenEnv, secretEnv, c, env::get);
    }

    /**
     * Credentials for pushing over HTTPS: the token, read from the variable when git asks for it
     * and handed over by the credentials provider or askpass helper of {@code GitSources}, never
     * in a URL or an argument. Without a token set, no credentials (a public repository).
     */
    public dev.ailab.sources.git.GitAuth gitAuth() {
        String t = env.apply(tokenEnv);
        if (t == null || t.isBlank()) {
            return dev.ailab.sources.git.GitAuth.none();
        }
        return new dev.ailab.sources.git.GitAuth(null, null, "x-access-token", () -> token().toCharArray(), null);
    }

    /** The token, or exit 2 naming the variable. */
    String token() {
        String t = env.apply(tokenEnv);
        if (t == null || t.isBlank()) {
            throw new InvalidInputException("no GitHub token: the environment variable " + tokenEnv + " is not set",
                    "export " + tokenEnv + " with a token that has the 'repo' scope (github.token_env names another variable)");
        }
        return t.strip();
    }

    /** The webhook secret, or exit 2 naming the variable. */
    byte[] webhookSecret() {
        String s = env.apply(webhookSecretEnv);
        if (s == null || s.isEmpty()) {
            throw new InvalidInputException("no webhook secret: the environment variable " + webhookSecretEnv + " is not set",
                    "export " + webhookSecretEnv + " with the secret set on the GitHub webhook (github.webhook_secret_env"
                            + " names another variable)");
        }
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
