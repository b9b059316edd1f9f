package dev.ailab.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.config.GithubConfig;
import dev.ailab.hub.StoreFactory;
import dev.ailab.hub.StoreSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries signed by the test, over real HTTP: good, tampered, unsigned, unknown event, replayed. */
class WebhookHandlerTest {
    @TempDir
    Path dir;

    @Test
    void onlySignedKnownFreshDeliveriesSync() throws Exception {
        byte[] secret = "hook-secret".getBytes(StandardCharsets.UTF_8);
        GithubSettings settings = GithubSettings.of(new GithubConfig(), Map.of("GITHUB_WEBHOOK_SECRET", "hook-secret"));
        List<String> synced = new ArrayList<>();
        try (StoreFactory store = StoreFactory.open(new StoreSettings("jdbc:sqlite:" + dir.resolve("h.db"), null, null));
             WebhookServer server = new WebhookServer(new WebhookHandler(settings, store,
                     repo -> repo.equals("acme/shop") ? "shop" : null, (p, r) -> {
                         synced.add(p + " " + r);
                         return new IssueSync.Report(p, r, false, 1, 0, 0, 0, 1, List.of(), List.of(), 1, 1, 10);
                     }), "127.0.0.1", 0)) {
            String body = "{\"action\":\"edited\",\"issue\":{\"number\":3},\"repository\":{\"full_name\":\"acme/shop\"}}";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            String sig = WebhookSignature.sign(secret, b);
            assertThat(post(server, "issues", "d1", sig, body).statusCode()).isEqualTo(200);
            assertThat(synced).containsExactly("shop acme/shop");
            assertThat(post(server, "issues", "d1", sig, body).statusCode()).as("replayed").isEqualTo(409);
            assertThat(post(server, "issues", "d2", sig, body.replace("3", "4")).statusCode()).as("tampered").isEqualTo(401);
            assertThat(post(server, "issues", "d3", null, body).statusCode()).as("unsigned").isEqualTo(401);
            assertThat(post(server, "issues", "d4", WebhookSignature.sign("wrong".getBytes(), b), body).statusCode())
                    .as("other secret").isEqualTo(401);
            assertThat(post(server, "push", "d5", sig, body).statusCode()).as("unknown event").isEqualTo(400);
            assertThat(synced).hasSize(1);
        }
    }

    private static HttpResponse<String> post(WebhookServer s, String event, String id, String sig, String body)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + WebhookServer.PATH))
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", id)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sig != null) {
            r.header("X-Hub-Signature-256", sig);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
