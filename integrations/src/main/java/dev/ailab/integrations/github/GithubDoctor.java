package dev.ailab.integrations.github;

import java.io.IOException;
import java.util.List;
import org.kohsuke.github.GHRateLimit;

/** What {@code github doctor} and {@code repos doctor} report: whose token, its scopes, the rate limit. */
public final class GithubDoctor {
    private GithubDoctor() {
    }

    public record Report(String apiUrl, String tokenEnv, boolean tokenSet, String user, List<String> scopes,
                         boolean repoScope, Integer rateLimitRemaining, Integer rateLimit, String problem, String hint) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** For sync and private repositories: the {@code repo} scope. */
    public static Report run(GithubSettings settings) {
        return run(settings, false);
    }

    /**
     * As {@link #run(GithubSettings)}; with {@code publicRepositories} (vectorweight with
     * {@code github.private: false}) the {@code public_repo} scope is enough.
     */
    public static Report run(GithubSettings settings, boolean publicRepositories) {
        String token = settings.env().apply(settings.tokenEnv());
        if (token == null || token.isBlank()) {
            return new Report(settings.apiUrl(), settings.tokenEnv(), false, null, null, false, null, null,
                    "the environment variable " + settings.tokenEnv() + " is not set",
                    "export " + settings.tokenEnv() + " with a token that has the 'repo' scope");
        }
        GithubClient client = GithubClient.connect(settings, java.time.Duration.ZERO, s -> { });
        String user;
        List<String> scopes;
        try {
            user = client.myself().getLogin();
            scopes = client.scopes();
        } catch (dev.ailab.core.error.ToolkitException e) {
            return new Report(settings.apiUrl(), settings.tokenEnv(), true, null, null, false, null, null, e.getMessage(),
                    e.hint());
        }
        Integer remaining = client.rateLimitRemaining();
        Integer limit = client.meter.limit();
        try {
            GHRateLimit rl = client.api.getRateLimit();
            remaining = rl.getCore().getRemaining();
            limit = rl.getCore().getLimit();
        } catch (IOException e) {
            // the headers of the user request already told us; /rate_limit is optional on some servers
        }
        boolean repo = scopes == null || scopes.contains("repo") || publicRepositories && scopes.contains("public_repo");
        String needed = publicRepositories ? "'repo' or 'public_repo'" : "'repo'";
        return new Report(settings.apiUrl(), settings.tokenEnv(), true, user, scopes, repo, remaining, limit,
                repo ? null : "the token in " + settings.tokenEnv() + " lacks the " + needed + " scope",
                repo ? null : "make a token with the " + needed + " scope and export it as " + settings.tokenEnv());
    }
}
