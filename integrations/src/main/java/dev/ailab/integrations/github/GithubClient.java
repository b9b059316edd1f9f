package dev.ailab.integrations.github;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.ToolkitException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.kohsuke.github.GHMyself;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * One github-api client for one command run: the token from the environment, the metered
 * connector, and rate-limit handlers that wait (saying why and until when on the progress
 * line) up to {@code maxWait}, never hammer. Every GitHub call of the toolkit goes through here.
 */
public final class GithubClient {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    final GithubSettings settings;
    final MeteredConnector meter;
    final GitHub api;
    private GHMyself myself;

    /** Thrown inside github-api's handlers when the wait would exceed --max-wait. */
    static final class WaitTooLong extends IOException {
        final String why;

        WaitTooLong(String why) {
            super(why);
            this.why = why;
        }
    }

    public static GithubClient connect(GithubSettings settings, Duration maxWait, Consumer<String> progress) {
        return new GithubClient(settings, maxWait, progress);
    }

    private GithubClient(GithubSettings settings, Duration maxWait, Consumer<String> progress) {
        this.settings = settings;
        this.meter = new MeteredConnector(GitHubConnector.DEFAULT);
        String token = settings.token();
        try {
            api = new GitHubBuilder().withEndpoint(settings.apiUrl())
                    // a plain provider, not withOAuthToken: that one asks GET /user for the login on every start
                    .withAuthorizationProvider(() -> "token " + token).withConnector(meter)
                    .withRateLimitHandler(new GitHubRateLimitHandler() {
                        @Override
                        public void onError(GitHubConnectorResponse r) throws IOException {
                            long reset = parse(r.header("X-RateLimit-Reset"), Instant.now().getEpochSecond() + 60);
                            waitUntil(Instant.ofEpochSecond(reset).plusSeconds(1), "GitHub's rate limit is used up", maxWait,
                                    progress);
                        }
                    })
                    .withAbuseLimitHandler(new GitHubAbuseLimitHandler() {
                        @Override
                        public void onError(GitHubConnectorResponse r) throws IOException {
                            long after = parse(r.header("Retry-After"), 60);
                            waitUntil(Instant.now().plusSeconds(after), "GitHub asked to slow down (secondary rate limit)",
                                    maxWait, progress);
                        }
                    })
                    .build();
        } catch (IOException e) {
            throw failure(e, "cannot reach GitHub at " + settings.apiUrl());
        }
    }

    private static long parse(String header, long fallback) {
        try {
            return header == null ? fallback : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void waitUntil(Instant until, String why, Duration maxWait, Consumer<String> progress) throws IOException {
        Duration d = Duration.between(Instant.now(), until);
        if (d.isNegative()) {
            return;
        }
        if (d.compareTo(maxWait) > 0) {
            throw new WaitTooLong(why + " until " + CLOCK.format(until) + ", longer than --max-wait "
                    + maxWait.toSeconds() + " s");
        }
        progress.accept("waiting: " + why + "; retrying at " + CLOCK.format(until) + " (" + Math.max(1, d.toSeconds())
                + " s)");
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitTooLong("interrupted while waiting");
        }
    }

    public GithubSettings settings() {
        return settings;
    }

    public int requests() {
        return meter.requests();
    }

    public int rateLimitUnits() {
        return meter.units();
    }

    public Integer rateLimitRemaining() {
        return meter.remaining();
    }

    /** The token's user (one request, cached). */
    public GHMyself myself() {
        if (myself == null) {
            try {
                myself = api.getMyself();
            } catch (IOException e) {
                throw failure(e, "cannot read the token's user from " + settings.apiUrl());
            }
        }
        return myself;
    }

    /** The token's classic scopes (null for a fine-grained token, which GitHub sends none for). */
    public List<String> scopes() {
        myself();
        String s = meter.scopes();
        return s == null ? null : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** Exit 3 naming the variable and the scope when a classic token lacks {@code repo}. */
    public void requireRepoScope() {
        List<String> scopes = scopes();
        if (scopes != null && !scopes.contains("repo")) {
            throw new ExternalSystemException("the token in " + settings.tokenEnv() + " lacks the 'repo' scope (it has: "
                    + (scopes.isEmpty() ? "none" : String.join(", ", scopes)) + ")",
                    "make a token with the 'repo' scope and export it as " + settings.tokenEnv());
        }
    }

    /**
     * A GitHub failure in the user's words: no URL, no response body, no exception names, and
     * never the token.
     */
    ToolkitException failure(Throwable e, String what) {
        // github-api wraps what its limit handlers throw in the HttpException of the answer: look for ours first
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ToolkitException te) {
                return te;
            }
            if (t instanceof WaitTooLong w) {
                return new ExternalSystemException(what + ": " + w.why, "run again later, or raise --max-wait");
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) {
                int code = h.getResponseCode();
                if (code == 401) {
                    return new ExternalSystemException(what + ": GitHub refused the token in " + settings.tokenEnv()
                            + " (expired or revoked)", "make a new token with the 'repo' scope and export it as "
                            + settings.tokenEnv());
                }
                if (code == 403) {
                    return new ExternalSystemException(what + ": GitHub refused access (403)",
                            "check that the token in " + settings.tokenEnv() + " has the 'repo' scope and access to it");
                }
                if (code == 404) {
                    return new ExternalSystemException(what + ": not found on GitHub (404)",
                            "check the owner and name, and that the token in " + settings.tokenEnv() + " can see it");
                }
                if (code > 0) {
                    return new ExternalSystemException(what + ": GitHub answered " + code, "try again later");
                }
            }
            if (t instanceof java.io.FileNotFoundException) {
                return new ExternalSystemException(what + ": not found on GitHub (404)",
                        "check the owner and name, and that the token in " + settings.tokenEnv() + " can see it");
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.http.HttpTimeoutException) {
                return new ExternalSystemException(what + ": no connection", "check github.api_url ("
                        + settings.apiUrl() + ") and the network");
            }
        }
        return new ExternalSystemException(what, "run again with -x for details");
    }

    static InvalidInputException badRepository(String value) {
        return new InvalidInputException("'" + value + "' is not a GitHub repository", "write owner/name, such as acme/shop");
    }
}
