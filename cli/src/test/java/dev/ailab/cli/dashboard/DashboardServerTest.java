package dev.ailab.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.hub.NewWorkItem;
import dev.ailab.hub.Priority;
import dev.ailab.hub.Projects;
import dev.ailab.hub.Sessions;
import dev.ailab.hub.StoreFactory;
import dev.ailab.hub.StoreSettings;
import dev.ailab.hub.WorkItems;
import dev.ailab.hub.WorkStatus;
import dev.ailab.hub.dashboard.DashboardQueries;
import dev.ailab.hub.Ideas;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard server over HTTP on a real SQLite file: the API's shapes against the table in
 * docs/dashboard.md, the Host check, the CSP, read-only mode, the write token, the access token,
 * Markdown with raw HTML escaped, a store that is not created, and a change made through another
 * connection arriving on the stream as one event that names only what changed.
 */
class DashboardServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOC = Path.of("..", "docs", "dashboard.md");
    private static final String XSS = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path dir;
    static StoreFactory store;
    static DashboardServer readOnly;
    static DashboardServer editable;
    static long first;

    @BeforeAll
    static void fill() throws Exception {
        store = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + dir.resolve("hub.db")));
        Path folder = Files.createDirectories(dir.resolve("code/shop"));
        Files.writeString(folder.resolve("README.md"), "# shop\n");
        new Projects(store).register(folder, "shop");
        WorkItems items = new WorkItems(store);
        first = items.add(new NewWorkItem(XSS, XSS + "\n\n**bold** [bad](javascript:alert(1)) [good](https://example.org)",
                "shop", null, Priority.high, List.of("bug"), "claude", LocalDate.now().plusDays(2), null, null, null, null));
        items.add(new NewWorkItem("child", null, "shop", WorkStatus.doing, null, List.of(), null, null, first, null, null, null));
        long idea = new Ideas(store).add("an idea", null, List.of("x")).id();
        new Ideas(store).promote(idea, "shop", Priority.low);
        long s = new Sessions(store).start("claude", "opus", "shop", List.of(first));
        new Sessions(store).end(s, "did it", 1200L, 300L, 0.25, List.of());
        readOnly = start(new DashboardServer.Options("127.0.0.1", 0, false, null));
        editable = start(new DashboardServer.Options("127.0.0.1", 0, true, null));
    }

    static DashboardServer start(DashboardServer.Options o) throws Exception {
        DashboardServer server = new DashboardServer(new DashboardQueries(store), o, Clock.systemDefaultZone());
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        readOnly.close();
        editable.close();
        store.close();
    }

    /** Rows of the "JSON output" table: request to its top-level keys. */
    static Map<String, Set<String>> documented() throws Exception {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `((?:GET|POST|EVENT) [^`]+)` \\| (.+) \\|$");
        boolean in = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("#")) {
                in = line.equals("### JSON output");
                continue;
            }
            Matcher m = row.matcher(line);
            if (in && m.matches()) {
                // Top-level keys only: what sits inside parentheses describes nested values.
                String cell = m.group(2).replaceAll("\\([^()]*\\)", "");
                Set<String> keys = new LinkedHashSet<>();
                Matcher k = Pattern.compile("`([a-z_]+)`").matcher(cell);
                while (k.find()) {
                    keys.add(k.group(1));
                }
                rows.put(m.group(1), keys);
            }
        }
        return rows;
    }

    static Set<String> keys(JsonNode node) {
        JsonNode object = node.isArray() ? node.get(0) : node;
        assertThat(object).as("an element to read keys from").isNotNull();
        Set<String> keys = new TreeSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        if (node.isArray()) {
            for (JsonNode e : node) {
                Set<String> each = new TreeSet<>();
                e.fieldNames().forEachRemaining(each::add);
                assertThat(each).isEqualTo(keys);
            }
        }
        return keys;
    }

    static JsonNode json(RawHttp.Response r) throws Exception {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    static RawHttp.Response write(DashboardServer server, String path, String body, String... headers) throws Exception {
        List<String> h = new ArrayList<>(List.of(headers));
        return RawHttp.send(server.port(), "POST", path, body, h.toArray(String[]::new));
    }

    @Test
    void everyDocumentedRequestAnswersWithExactlyItsKeys() throws Exception {
        Map<String, Set<String>> rows = documented();
        assertThat(rows.keySet()).contains("GET /api/overview", "GET /api/items", "POST /api/ideas", "EVENT change");
        String token = "X-AI-Lab-Token: " + editable.writeToken();
        String type = "Content-Type: application/json";
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        int port = readOnly.port();
        answers.put("GET /api/overview", json(RawHttp.get(port, "/api/overview")));
        answers.put("GET /api/items", json(RawHttp.get(port, "/api/items")));
        answers.put("GET /api/items/ID", json(RawHttp.get(port, "/api/items/" + first)));
        answers.put("GET /api/sessions", json(RawHttp.get(port, "/api/sessions")));
        answers.put("GET /api/projects", json(RawHttp.get(port, "/api/projects")));
        answers.put("GET /api/health", json(RawHttp.get(port, "/api/health")));
        answers.put("GET /api/host", json(RawHttp.get(port, "/api/host")));
        answers.put("POST /api/items", json(write(editable, "/api/items", "{\"title\":\"posted\",\"project\":\"shop\"}", token, type)));
        long posted = answers.get("POST /api/items").get("id").asLong();
        answers.put("POST /api/items/ID/status", json(write(editable, "/api/items/" + posted + "/status", "{\"status\":\"done\"}", token, type)));
        answers.put("POST /api/ideas", json(write(editable, "/api/ideas", "{\"title\":\"posted idea\"}", token, type)));
        for (var e : answers.entrySet()) {
            assertThat(keys(e.getValue())).as(e.getKey()).isEqualTo(new TreeSet<>(rows.get(e.getKey())));
        }
        Set<String> untested = new TreeSet<>(rows.keySet());
        untested.removeAll(answers.keySet());
        assertThat(untested).as("rows checked by the stream test").containsExactlyInAnyOrder("EVENT hello", "EVENT change");
        JsonNode overview = answers.get("GET /api/overview");
        assertThat(overview.get("totals").get("todo").asInt()).isEqualTo(new WorkItems(store).list(
                new dev.ailab.hub.WorkFilter().all()).stream().filter(r -> r.status().equals("todo")).count());
        assertThat(overview.get("sessions_this_week").get(0).get("cost").asDouble()).isEqualTo(0.25);
        assertThat(answers.get("GET /api/host").get("configured").asBoolean()).as("no host given to this server").isFalse();
        assertThat(answers.get("GET /api/items/ID").get("idea").isNull()).as("the first item came from no idea").isTrue();
    }

    @Test
    void anotherHostNameIsRefusedSoDnsRebindingGetsNothing() throws Exception {
        int port = readOnly.port();
        RawHttp.Response evil = RawHttp.get(port, "/api/items", "Host: evil.example:" + port);
        assertThat(evil.status()).isEqualTo(421);
        assertThat(evil.body()).doesNotContain(XSS.substring(1, 5));
        assertThat(RawHttp.get(port, "/api/health", "Host: localhost:" + port).status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/api/health", "Host: 127.0.0.1:" + (port + 1)).status()).isEqualTo(421);
    }

    @Test
    void thePageCarriesAStrictPolicyAndNoInlineScript() throws Exception {
        RawHttp.Response page = RawHttp.get(readOnly.port(), "/board?project=shop");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).isEqualTo(DashboardServer.CSP).contains("default-src 'none'")
                .doesNotContain("unsafe");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page.body());
        int n = 0;
        while (scripts.find()) {
            n++;
            assertThat(scripts.group(1)).as("every script is a file of ours or inert JSON").matches(" (src=\"/assets/[^\"]+\"|type=\"application/json\" id=\"settings\")");
        }
        assertThat(n).isEqualTo(3);
        assertThat(page.body()).doesNotContain("http://", "https://").doesNotContain(readOnly.writeToken());
        RawHttp.Response chart = RawHttp.get(readOnly.port(), "/assets/uPlot.iife.min.js");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).contains("uPlot");
    }

    @Test
    void writesNeedEditModeThePagesTokenJsonAndOurOrigin() throws Exception {
        long id = new WorkItems(store).add(NewWorkItem.of("to move"));
        String body = "{\"status\":\"blocked\"}";
        String type = "Content-Type: application/json";
        String token = "X-AI-Lab-Token: " + editable.writeToken();
        assertThat(write(readOnly, "/api/items/" + id + "/status", body, type, "X-AI-Lab-Token: " + readOnly.writeToken()).status())
                .isEqualTo(403);
        assertThat(write(editable, "/api/items/" + id + "/status", body, type).status()).isEqualTo(403);
        assertThat(write(editable, "/api/items/" + id + "/status", body, type, "X-AI-Lab-Token: guess").status()).isEqualTo(403);
        assertThat(write(editable, "/api/items/" + id + "/status", body, type, token, "Origin: http://evil.example").status())
                .isEqualTo(403);
        assertThat(write(editable, "/api/items/" + id + "/status", "status=blocked", "Content-Type: application/x-www-form-urlencoded",
                token).status()).isEqualTo(415);
        assertThat(new WorkItems(store).get(id).status()).as("nothing refused changed the item").isEqualTo("todo");
        RawHttp.Response bad = write(editable, "/api/items/" + id + "/status", "{\"status\":\"someday\"}", type, token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("hint").asText()).isNotBlank();
        assertThat(write(editable, "/api/items/999999/status", body, type, token).status()).isEqualTo(404);
        RawHttp.Response ok = write(editable, "/api/items/" + id + "/status", body, type, token,
                "Origin: http://127.0.0.1:" + editable.port());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(new WorkItems(store).get(id).status()).isEqualTo("blocked");
    }

    @Test
    void anAccessTokenGuardsEveryRequestAndIsKeptInACookie() throws Exception {
        String secret = "s3cret-token-of-the-test-0123456789";
        try (DashboardServer guarded = start(new DashboardServer.Options("127.0.0.1", 0, false, secret))) {
            int port = guarded.port();
            assertThat(RawHttp.get(port, "/api/health").status()).isEqualTo(401);
            assertThat(RawHttp.get(port, "/").status()).isEqualTo(401);
            assertThat(RawHttp.get(port, "/api/health", "Authorization: Bearer wrong").status()).isEqualTo(401);
            assertThat(RawHttp.get(port, "/api/health", "Authorization: Bearer " + secret).status()).isEqualTo(200);
            RawHttp.Response first = RawHttp.get(port, "/board?token=" + secret + "&project=shop");
            assertThat(first.status()).isEqualTo(303);
            assertThat(first.header("Location")).isEqualTo("/board?project=shop");
            assertThat(first.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Strict");
            String cookie = first.header("Set-Cookie").split(";")[0];
            assertThat(RawHttp.get(port, "/board?project=shop", "Cookie: " + cookie).status()).isEqualTo(200);
            assertThat(RawHttp.get(port, "/api/items", "Cookie: " + DashboardServer.ACCESS_COOKIE + "=nope").status()).isEqualTo(401);
        }
    }

    @Test
    void itemBodiesAreMarkdownWithRawHtmlEscapedAndUnsafeLinksDropped() throws Exception {
        JsonNode item = json(RawHttp.get(readOnly.port(), "/api/items/" + first));
        String html = item.get("body_html").asText();
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").contains("<strong>bold</strong>")
                .contains("href=\"https://example.org\"").doesNotContain("<img").doesNotContain("javascript:");
        assertThat(item.get("item").get("title").asText()).isEqualTo(XSS);
        assertThat(item.get("children").get(0).get("title").asText()).isEqualTo("child");
        assertThat(item.get("sessions").get(0).get("agent").asText()).isEqualTo("claude");
    }

    @Test
    void aStoreThatDoesNotExistIsShownEmptyAndNotCreated() throws Exception {
        Path missing = dir.resolve("nowhere/hub.db");
        try (StoreFactory none = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + missing));
             DashboardServer server = new DashboardServer(new DashboardQueries(none),
                     new DashboardServer.Options("127.0.0.1", 0, false, null), Clock.systemDefaultZone())) {
            server.start();
            JsonNode overview = json(RawHttp.get(server.port(), "/api/overview"));
            assertThat(overview.get("store_exists").asBoolean()).isFalse();
            assertThat(json(RawHttp.get(server.port(), "/api/items"))).isEmpty();
            assertThat(json(RawHttp.get(server.port(), "/api/projects"))).isEmpty();
            assertThat(missing).doesNotExist();
            assertThat(missing.getParent()).doesNotExist();
        }
    }

    @Test
    void aChangeByAnotherConnectionArrivesAsOneEventWithOnlyTheChangedCard() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + readOnly.port() + "/api/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        Map<String, Set<String>> rows = documented();
        Map<String, String> hello = nextEvent(lines);
        assertThat(hello.get("event")).isEqualTo("hello");
        assertThat(keys(JSON.readTree(hello.get("data")))).isEqualTo(new TreeSet<>(rows.get("EVENT hello")));
        long id;
        try (StoreFactory other = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + dir.resolve("hub.db")))) {
            id = new WorkItems(other).add(NewWorkItem.of("from another connection"));
        }
        Map<String, String> change = nextEvent(lines);
        assertThat(change.get("event")).isEqualTo("change");
        JsonNode data = JSON.readTree(change.get("data"));
        assertThat(keys(data)).isEqualTo(new TreeSet<>(rows.get("EVENT change")));
        assertThat(data.get("changed")).hasSize(1);
        assertThat(data.get("changed").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(data.get("changed").get(0).get("title").asText()).isEqualTo("from another connection");
        assertThat(data.get("removed")).isEmpty();
        assertThat(data.get("sessions").asBoolean()).isFalse();
        stream.body().close();
    }

    @Test
    void aCachedAnswerGoesWhenAnotherProcessChangesTheStore() throws Exception {
        int port = readOnly.port();
        String before = RawHttp.get(port, "/api/items?label=cache").body();
        assertThat(JSON.readTree(before)).isEmpty();
        assertThat(RawHttp.get(port, "/api/items?label=cache").body()).isEqualTo(before);
        try (StoreFactory other = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + dir.resolve("hub.db")))) {
            new WorkItems(other).add(new NewWorkItem("cached?", null, null, null, null, List.of("cache"), null, null, null, null,
                    null, null));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        JsonNode after = JSON.readTree(before);
        while (after.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            after = JSON.readTree(RawHttp.get(port, "/api/items?label=cache").body());
        }
        assertThat(after).as("the new item within 2 s").hasSize(1);
        assertThat(after.get(0).get("title").asText()).isEqualTo("cached?");
    }

    @Test
    void answersAndEventsCarryTheVersionAPageComparesToMissNoChange() throws Exception {
        int port = readOnly.port();
        long before = Long.parseLong(RawHttp.get(port, "/api/items").header(DashboardServer.VERSION_HEADER));
        // A change the live loop publishes before the page's stream is open...
        try (StoreFactory other = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + dir.resolve("hub.db")))) {
            new WorkItems(other).add(NewWorkItem.of("between fetch and stream"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long now = before;
        while (now == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = Long.parseLong(RawHttp.get(port, "/api/health").header(DashboardServer.VERSION_HEADER));
        }
        assertThat(now).as("the version moved with the change").isGreaterThan(before);
        // ...is told by the stream's hello: its version is newer than the page's first answer.
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        JsonNode hello = JSON.readTree(nextEvent(lines).get("data"));
        assertThat(hello.get("version").asLong()).isEqualTo(now).isGreaterThan(before);
        // An answer read now holds the change and says so.
        RawHttp.Response items = RawHttp.get(port, "/api/items");
        assertThat(Long.parseLong(items.header(DashboardServer.VERSION_HEADER))).isGreaterThanOrEqualTo(now);
        assertThat(items.body()).contains("between fetch and stream");
        // The next change comes as the next version.
        try (StoreFactory other = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + dir.resolve("hub.db")))) {
            new WorkItems(other).add(NewWorkItem.of("after the hello"));
        }
        JsonNode change = JSON.readTree(nextEvent(lines).get("data"));
        assertThat(change.get("version").asLong()).isEqualTo(now + 1);
        assertThat(change.get("reload").asBoolean()).isFalse();
        stream.body().close();
    }

    @Test
    void aDatabaseRestoredUnderTheServerIsNoticedAndReadAgain(@TempDir Path own) throws Exception {
        Path db = own.resolve("data/ai-lab.db");
        try (StoreFactory s = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + db))) {
            new WorkItems(s).add(NewWorkItem.of("in the backup"));
            new dev.ailab.hub.DbMaintenance(s).backup(own.resolve("backup.db.gz"), null);
            new WorkItems(s).add(NewWorkItem.of("made after the backup"));
            try (DashboardServer server = new DashboardServer(new DashboardQueries(s), new DashboardServer.Options("127.0.0.1", 0, false, null),
                    Clock.systemDefaultZone())) {
                server.start();
                HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
                BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
                nextEvent(lines); // hello
                assertThat(RawHttp.get(server.port(), "/api/items").body()).contains("made after the backup");
                // db restore in another process: the file is moved aside and another put in its place.
                try (StoreFactory restorer = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + db))) {
                    new dev.ailab.hub.DbMaintenance(restorer).restore(own.resolve("backup.db.gz"), null);
                }
                Map<String, String> event = nextEvent(lines);
                assertThat(event.get("event")).isEqualTo("change");
                JsonNode data = JSON.readTree(event.get("data"));
                assertThat(data.get("reload").asBoolean()).as("the page draws anew").isTrue();
                assertThat(data.get("removed")).hasSize(1);
                String after = RawHttp.get(server.port(), "/api/items").body();
                assertThat(after).contains("in the backup").doesNotContain("made after the backup");
                // And changes to the restored file are followed from then on.
                try (StoreFactory other = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + db))) {
                    new WorkItems(other).add(NewWorkItem.of("after the restore"));
                }
                JsonNode next = JSON.readTree(nextEvent(lines).get("data"));
                assertThat(next.get("changed").get(0).get("title").asText()).isEqualTo("after the restore");
                stream.body().close();
            }
        }
    }

    @Test
    void theGithubWebhookTakesSignedDeliveriesWithoutThePagesTokenAndRefusesTamperedOnes(@TempDir Path own) throws Exception {
        String secret = "webhook-secret-of-the-test";
        Path db = own.resolve("hooks.db");
        try (StoreFactory s = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + db))) {
            new Projects(s).register(Files.createDirectories(own.resolve("code/plain")), "plain"); // no GitHub origin
            Path folder = Files.createDirectories(own.resolve("code/api"));
            Map<String, String> env = new java.util.HashMap<>(Map.of("GITHUB_WEBHOOK_SECRET", secret));
            try (DashboardServer server = new DashboardServer(new DashboardQueries(s), new DashboardServer.Options("127.0.0.1", 0, false, null),
                    Clock.systemDefaultZone())) {
                server.withGithubWebhook(dev.ailab.cli.github.GithubWebhookMount.of(dev.ailab.core.config.GithubConfig::new, env, s, line -> { }));
                server.start();
                int port = server.port();
                byte[] ping = "{\"zen\":\"Keep it logically awesome.\",\"repository\":{\"full_name\":\"acme/api\"}}".getBytes(StandardCharsets.UTF_8);
                String signature = dev.ailab.integrations.github.WebhookSignature.sign(secret.getBytes(StandardCharsets.UTF_8), ping);
                String body = new String(ping, StandardCharsets.UTF_8);
                assertThat(hook(port, body, "ping", "d-1", signature).status()).as("no project syncs with GitHub: not mounted").isEqualTo(404);

                Files.createDirectories(folder.resolve(".git"));
                Files.writeString(folder.resolve(".git/config"), "[remote \"origin\"]\n\turl = https://github.com/acme/api.git\n");
                new Projects(s).register(folder, "api");
                RawHttp.Response pong = hook(port, body, "ping", "d-1", signature);
                assertThat(pong.status()).as(pong.body()).isEqualTo(200);
                assertThat(pong.body()).contains("pong");
                assertThat(hook(port, body, "ping", "d-1", signature).status()).as("the same delivery again").isEqualTo(409);
                String tampered = body.replace("awesome", "awesomE");
                RawHttp.Response refused = hook(port, tampered, "ping", "d-2", signature);
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.body()).contains("signature");
                assertThat(hook(port, body, "ping", "d-3", null).status()).as("no signature").isEqualTo(401);
                assertThat(hook(port, body, "ping", "d-4", "sha256=" + "0".repeat(64)).status()).isEqualTo(401);
                // GitHub comes through a tunnel under another name: the signature, not the Host, lets it in.
                RawHttp.Response viaTunnel = RawHttp.send(port, "POST", "/hooks/github", body, "Host: hooks.example.net",
                        "Content-Type: application/json", "X-GitHub-Event: ping", "X-GitHub-Delivery: d-5", "X-Hub-Signature-256: " + signature);
                assertThat(viaTunnel.status()).as(viaTunnel.body()).isEqualTo(200);
                byte[] other = "{\"action\":\"opened\",\"repository\":{\"full_name\":\"someone/else\"}}".getBytes(StandardCharsets.UTF_8);
                RawHttp.Response notOurs = hook(port, new String(other, StandardCharsets.UTF_8), "issues", "d-6",
                        dev.ailab.integrations.github.WebhookSignature.sign(secret.getBytes(StandardCharsets.UTF_8), other));
                assertThat(notOurs.status()).as(notOurs.body()).isEqualTo(202);
                assertThat(RawHttp.get(port, "/hooks/github").status()).isEqualTo(405);
                // The rest of the server keeps its rules.
                assertThat(RawHttp.get(port, "/api/health", "Host: hooks.example.net").status()).isEqualTo(421);

                env.remove("GITHUB_WEBHOOK_SECRET");
                assertThat(hook(port, body, "ping", "d-7", signature).status()).as("no secret: not mounted").isEqualTo(404);
            }
        }
    }

    static RawHttp.Response hook(int port, String body, String event, String delivery, String signature) throws Exception {
        List<String> h = new ArrayList<>(List.of("Content-Type: application/json", "X-GitHub-Event: " + event, "X-GitHub-Delivery: " + delivery));
        if (signature != null) {
            h.add("X-Hub-Signature-256: " + signature);
        }
        return RawHttp.send(port, "POST", "/hooks/github", body, h.toArray(String[]::new));
    }

    /** The next event of a stream (comment lines skipped), as its fields. */
    static Map<String, String> nextEvent(BufferedReader lines) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String line = lines.readLine();
            assertThat(line).as("the stream ended").isNotNull();
            if (line.isEmpty()) {
                if (fields.containsKey("event")) {
                    return fields;
                }
                fields.clear();
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        throw new AssertionError("no event within 15 s");
    }
}
