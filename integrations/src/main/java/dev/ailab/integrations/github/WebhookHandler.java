package dev.ailab.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.hub.GithubSyncStore;
import dev.ailab.hub.StoreFactory;
import java.io.IOException;
import java.util.Set;
import java.util.function.Function;

/**
 * GitHub webhook deliveries, independent of any HTTP server: {@code ai-lab github listen}
 * serves it, and a dashboard can mount the same object at {@code /hooks/github}. A delivery
 * is accepted only with a valid {@code X-Hub-Signature-256} (constant-time compare), a known
 * event ({@code issues}, {@code issue_comment}, {@code ping}) and a delivery id not seen before;
 * then the repository it names is synced (the conditional listing fetches just what changed).
 */
public final class WebhookHandler {
    private static final Set<String> EVENTS = Set.of("issues", "issue_comment", "ping");
    private final byte[] secret;
    private final GithubSyncStore store;
    private final Function<String, String> projectOf;
    private final SyncRunner runner;

    /** Runs the sync of one repository for one project. */
    @FunctionalInterface
    public interface SyncRunner {
        IssueSync.Report sync(String project, String repository);
    }

    /** HTTP status and a one-line message. */
    public record Outcome(int status, String message) {
    }

    /**
     * @param projectOf the project synced with a repository ({@code owner/name}), or null for none
     */
    public WebhookHandler(GithubSettings settings, StoreFactory store, Function<String, String> projectOf,
                          SyncRunner runner) {
        this.secret = settings.webhookSecret();
        this.store = new GithubSyncStore(store);
        this.projectOf = projectOf;
        this.runner = runner;
    }

    public Outcome handle(String event, String deliveryId, String signature, byte[] body) {
        if (signature == null || signature.isBlank()) {
            return new Outcome(401, "missing X-Hub-Signature-256");
        }
        if (!WebhookSignature.valid(secret, body, signature)) {
            return new Outcome(401, "signature does not match the body");
        }
        if (event == null || !EVENTS.contains(event)) {
            return new Outcome(400, "unknown event '" + event + "'");
        }
        if (deliveryId == null || deliveryId.isBlank()) {
            return new Outcome(400, "missing X-GitHub-Delivery");
        }
        if (!store.recordDelivery(deliveryId, event)) {
            return new Outcome(409, "delivery " + deliveryId + " was handled before");
        }
        if (event.equals("ping")) {
            return new Outcome(200, "pong");
        }
        JsonNode payload;
        try {
            payload = new ObjectMapper().readTree(body);
        } catch (IOException e) {
            return new Outcome(400, "body is not JSON");
        }
        String repository = payload.path("repository").path("full_name").asText(null);
        String project = repository == null ? null : projectOf.apply(repository);
        if (project == null) {
            return new Outcome(202, "no project syncs with " + repository);
        }
        if (payload.path("action").asText().equals("deleted")) {
            return new Outcome(200, "issue #" + payload.path("issue").path("number").asLong()
                    + " was deleted on GitHub; the work item is kept");
        }
        IssueSync.Report r = runner.sync(project, repository);
        return new Outcome(200, "synced " + repository + ": " + r.pulled() + " pulled, " + r.pushed() + " pushed, "
                + r.conflicts().size() + " conflicts");
    }
}
