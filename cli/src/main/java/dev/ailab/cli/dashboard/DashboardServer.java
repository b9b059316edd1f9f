package dev.ailab.cli.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ailab.cli.JsonOutput;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.ToolkitException;
import dev.ailab.hub.Ideas;
import dev.ailab.hub.NewWorkItem;
import dev.ailab.hub.Priority;
import dev.ailab.hub.StoreValues;
import dev.ailab.hub.WorkItems;
import dev.ailab.hub.WorkStatus;
import dev.ailab.hub.dashboard.DashboardQueries;
import dev.ailab.integrations.github.WebhookHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;

/**
 * The dashboard over the JDK's own HTTP server: no dependency, about 30 ms to start, nothing in
 * the jar set. Every request passes {@link #guard}: the Host header must name this server (no DNS
 * rebinding), an access token is needed for everything when one was given, and a write needs
 * {@code --allow-edit}, the page's per-run write token and a JSON body (no cross-site form posts).
 */
public final class DashboardServer implements AutoCloseable {
    /** What {@code dashboard serve} was asked for. */
    public record Options(String bind, int port, boolean allowEdit, String accessToken) {
    }

    /** The host's {@code deploy status}, or null when no host is set up here. */
    private volatile java.util.function.Supplier<?> host = () -> null;

    /** Everything the page may load; nothing from elsewhere, no inline script or style. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String WRITE_TOKEN_HEADER = "X-AI-Lab-Token";
    /** On every API answer: the live version it is at least as new as (see {@link LiveUpdates}). */
    static final String VERSION_HEADER = "X-AI-Lab-Version";
    static final String WEBHOOK_PATH = "/hooks/github";
    static final String ACCESS_COOKIE = "ai_lab_access";
    /** GitHub sends at most 25 MB in one delivery. */
    private static final int WEBHOOK_MAX_BYTES = 25 * 1024 * 1024;
    private static final Set<String> VIEWS = Set.of("/", "/overview", "/board", "/item", "/sessions", "/projects");

    private final DashboardQueries queries;
    private final Options options;
    private final Clock clock;
    private final String writeToken;
    private final HttpServer server;
    private final ExecutorService threads;
    private final LiveUpdates live;
    private final Set<String> allowedHosts;
    private final DashboardAssets assets = new DashboardAssets();
    private final AnswerCache answers;
    private final BoardCards board;
    /** The GitHub webhook when it is set up (a secret and a synced project), else null: 404. */
    private volatile java.util.function.Supplier<WebhookHandler> webhook = () -> null;
    private final Object oneDeliveryAtATime = new Object();

    public DashboardServer(DashboardQueries queries, Options options, Clock clock) throws IOException {
        this.queries = queries;
        this.options = options;
        this.clock = clock;
        this.writeToken = randomToken();
        this.answers = new AnswerCache(clock);
        queries.store().keepReadConnection(); // a long-lived reader: no new PostgreSQL connection per read
        InetAddress address = InetAddress.getByName(options.bind());
        server = HttpServer.create(new InetSocketAddress(address, options.port()), 64);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dashboard-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        board = new BoardCards(queries);
        live = new LiveUpdates(queries, clock, board, answers::clear);
        server.createContext("/", this::handle);
        server.createContext(WEBHOOK_PATH, this::webhook);
        int port = server.getAddress().getPort();
        allowedHosts = allowedHosts(address, port);
    }

    /** Where {@code /api/host} gets the host's state (the serve command passes {@code deploy status}). */
    public DashboardServer withHost(java.util.function.Supplier<?> probe) {
        this.host = probe;
        return this;
    }

    /** Where {@code /hooks/github} gets its handler (null while GitHub sync is not set up here). */
    public DashboardServer withGithubWebhook(java.util.function.Supplier<WebhookHandler> handler) {
        this.webhook = handler;
        return this;
    }

    public void start() {
        live.start();
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address a person opens; with an access token it carries it once (the page then keeps a cookie). */
    public String url() {
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : hostLiteral(server.getAddress().getAddress());
        return "http://" + host + ":" + port() + "/";
    }

    String writeToken() {
        return writeToken;
    }

    @Override
    public void close() {
        live.close();
        server.stop(0);
        threads.shutdownNow();
    }

    private static String hostLiteral(InetAddress a) {
        String h = a.getHostAddress();
        return h.contains(":") ? "[" + h.replaceFirst("%.*$", "") + "]" : h;
    }

    private static Set<String> allowedHosts(InetAddress bind, int port) {
        java.util.HashSet<String> hosts = new java.util.HashSet<>();
        for (String h : List.of("127.0.0.1", "localhost", "[::1]")) {
            hosts.add(h + ":" + port);
        }
        if (!bind.isLoopbackAddress()) {
            hosts.add(hostLiteral(bind) + ":" + port);
            try {
                hosts.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT) + ":" + port);
            } catch (IOException ignored) {
                // no host name: the address still works
            }
        }
        return Set.copyOf(hosts);
    }

    static String randomToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ------------------------------------------------------------------ requests

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Headers h = ex.getResponseHeaders();
            h.set("Content-Security-Policy", CSP);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("X-Frame-Options", "DENY");
            answer(ex);
        }
    }

    /** Runs the request; a refused one gets {"error", "hint"} while the exchange is still open. */
    private void answer(HttpExchange ex) throws IOException {
        try {
            if (guard(ex)) {
                route(ex);
            }
        } catch (ToolkitException e) {
            String message = String.valueOf(e.getMessage());
            int status = message.startsWith("no work item") || message.startsWith("no idea") || message.startsWith("no such")
                    ? 404 : e.exitCode() == 2 ? 400 : e.exitCode() == 1 ? 409 : 503;
            error(ex, status, message, e.hint());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(DashboardServer.class).warn("request {} failed", ex.getRequestURI().getPath(), e);
            error(ex, 500, "the dashboard failed on this request", "run 'ai-lab dashboard serve -v' to see the details");
        }
    }

    /** Host, access token: false when the request was answered (refused or redirected). */
    private boolean guard(HttpExchange ex) throws IOException {
        String host = String.valueOf(ex.getRequestHeaders().getFirst("Host")).toLowerCase(Locale.ROOT);
        boolean anyHost = options.accessToken() != null && server.getAddress().getAddress().isAnyLocalAddress();
        if (!anyHost && !allowedHosts.contains(host)) {
            error(ex, 421, "this dashboard answers only to " + String.join(", ", new java.util.TreeSet<>(allowedHosts)),
                    "open it by one of those addresses");
            return false;
        }
        if (options.accessToken() == null) {
            return true;
        }
        Map<String, String> query = query(ex.getRequestURI());
        String given = query.get("token");
        if (given != null && ex.getRequestMethod().equals("GET") && same(given, options.accessToken())) {
            ex.getResponseHeaders().add("Set-Cookie", ACCESS_COOKIE + "=" + given + "; Path=/; HttpOnly; SameSite=Strict");
            ex.getResponseHeaders().set("Location", ex.getRequestURI().getRawPath() + withoutToken(ex.getRequestURI()));
            ex.sendResponseHeaders(303, -1);
            return false;
        }
        String bearer = ex.getRequestHeaders().getFirst("Authorization");
        if (bearer != null && bearer.startsWith("Bearer ") && same(bearer.substring(7).strip(), options.accessToken())) {
            return true;
        }
        if (same(cookie(ex, ACCESS_COOKIE), options.accessToken())) {
            return true;
        }
        error(ex, 401, "this dashboard needs its access token", "open the address 'dashboard serve' printed (it carries ?token=)");
        return false;
    }

    private static String withoutToken(URI uri) {
        String q = uri.getRawQuery();
        if (q == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String part : q.split("&")) {
            if (!part.startsWith("token=")) {
                kept.add(part);
            }
        }
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpExchange ex, String name) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) {
                    return p.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        Map<String, String> q = query(ex.getRequestURI());
        if (method.equals("GET") || method.equals("HEAD")) {
            if (VIEWS.contains(path)) {
                send(ex, 200, "text/html; charset=utf-8", assets.page(pageSettings()));
            } else if (path.startsWith("/assets/") && assets.has(path.substring(8))) {
                ex.getResponseHeaders().set("Cache-Control", "max-age=3600");
                send(ex, 200, DashboardAssets.type(path), assets.bytes(path.substring(8)));
            } else if (path.equals("/api/events")) {
                live.stream(ex);
            } else if (path.startsWith("/api/")) {
                String key = ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery();
                long version = live.version(); // read first: what follows is at least this new
                byte[] body = path.equals("/api/host") ? DashboardApi.COMPACT.writeValueAsBytes(DashboardApi.host(host.get()))
                        : answers.get(key, () -> read(path, q));
                ex.getResponseHeaders().set("Cache-Control", "no-store");
                ex.getResponseHeaders().set(VERSION_HEADER, String.valueOf(version));
                send(ex, 200, "application/json", body);
            } else {
                error(ex, 404, "no such page: " + path, "the views are /, /board, /item, /sessions and /projects");
            }
            return;
        }
        if (method.equals("POST") && path.startsWith("/api/")) {
            write(ex, path);
            return;
        }
        ex.getResponseHeaders().set("Allow", "GET, POST");
        error(ex, 405, method + " is not served here", "the API reads with GET and writes with POST");
    }

    private byte[] read(String path, Map<String, String> q) throws IOException {
        if (path.equals("/api/items") && q.get("ids") == null) {
            byte[] fromMemory = board.answer(DashboardApi.BoardFilter.of(q));
            if (fromMemory != null) {
                return fromMemory;
            }
        }
        return DashboardApi.COMPACT.writeValueAsBytes(DashboardApi.get(queries, path, q, LocalDate.now(clock), clock.instant()));
    }

    /**
     * {@code POST /hooks/github}: GitHub cannot send the page's write token, an access token or
     * our Host name (it comes through a tunnel or proxy), so this path skips those checks; what
     * lets a delivery in is its HMAC signature, checked by {@link WebhookHandler} with the secret
     * from {@code github.webhook_secret_env}. Deliveries run one at a time, as in {@code github listen}.
     */
    private void webhook(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("Content-Security-Policy", CSP);
            WebhookHandler handler = ex.getRequestURI().getPath().equals(WEBHOOK_PATH) ? webhook.get() : null;
            WebhookHandler.Outcome o;
            if (handler == null) {
                o = new WebhookHandler.Outcome(404, "no GitHub webhook here: set the variable named by github.webhook_secret_env"
                        + " and register a project whose origin is on GitHub");
            } else if (!ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().set("Allow", "POST");
                o = new WebhookHandler.Outcome(405, "deliveries are POSTed");
            } else {
                byte[] body;
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readNBytes(WEBHOOK_MAX_BYTES);
                }
                Headers h = ex.getRequestHeaders();
                try {
                    synchronized (oneDeliveryAtATime) {
                        o = handler.handle(h.getFirst("X-GitHub-Event"), h.getFirst("X-GitHub-Delivery"),
                                h.getFirst("X-Hub-Signature-256"), body);
                    }
                } catch (ToolkitException e) {
                    o = new WebhookHandler.Outcome(502, "sync failed: " + e.getMessage() + " (" + e.hint() + ")");
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(DashboardServer.class).warn("webhook delivery failed", e);
                    o = new WebhookHandler.Outcome(502, "sync failed: " + e.getMessage());
                }
            }
            send(ex, o.status(), "text/plain; charset=utf-8", (o.message() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private Map<String, Object> pageSettings() {
        Map<String, Object> s = new HashMap<>();
        s.put("mode", "live");
        s.put("allow_edit", options.allowEdit());
        s.put("write_token", options.allowEdit() ? writeToken : "");
        return s;
    }

    private void write(HttpExchange ex, String path) throws IOException {
        if (!options.allowEdit()) {
            error(ex, 403, "this dashboard is read-only", "start it with 'ai-lab dashboard serve --allow-edit' to change items");
            return;
        }
        if (!same(ex.getRequestHeaders().getFirst(WRITE_TOKEN_HEADER), writeToken)) {
            error(ex, 403, "a change needs this page's write token", "reload the dashboard page and try again");
            return;
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origin.toLowerCase(Locale.ROOT).equals("http://" + ex.getRequestHeaders().getFirst("Host"))) {
            error(ex, 403, "a change from another site (" + origin + ") is refused", "change items from the dashboard page itself");
            return;
        }
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        if (!type.startsWith("application/json")) {
            error(ex, 415, "a change is sent as JSON", "send Content-Type: application/json");
            return;
        }
        answers.clear(); // the change lands before the live loop sees it
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            body = JsonOutput.mapper().readTree(in.readNBytes(1 << 20));
        } catch (IOException e) {
            throw new InvalidInputException("the request body is not JSON", "send one JSON object");
        }
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("the request body is not a JSON object", "send one JSON object");
        }
        WorkItems items = new WorkItems(queries.store());
        java.util.regex.Matcher move = java.util.regex.Pattern.compile("^/api/items/(\\d+)/status$").matcher(path);
        if (move.matches()) {
            WorkStatus status = WorkStatus.parse(text(body, "status", true));
            long id = Long.parseLong(move.group(1));
            var row = items.setStatus(id, status);
            changed(id);
            json(ex, 200, row);
        } else if (path.equals("/api/items")) {
            String priority = text(body, "priority", false);
            List<String> labels = new ArrayList<>();
            body.path("labels").forEach(n -> labels.add(n.asText()));
            NewWorkItem item = new NewWorkItem(text(body, "title", true), text(body, "body", false), text(body, "project", false),
                    null, priority == null ? null : Priority.parse(priority), StoreValues.labels(labels), null, null, null,
                    null, null, null);
            long id = items.add(item);
            changed(id);
            json(ex, 201, items.get(id));
        } else if (path.equals("/api/ideas")) {
            List<String> tags = new ArrayList<>();
            body.path("tags").forEach(n -> tags.add(n.asText()));
            var idea = new Ideas(queries.store()).add(text(body, "title", true), text(body, "body", false), StoreValues.labels(tags));
            answers.clear();
            json(ex, 201, idea);
        } else {
            error(ex, 404, "nothing to change at " + path, "POST /api/items, /api/items/ID/status or /api/ideas");
        }
    }

    /** After a write here: the board and the answers show it at once, before the live loop finds it. */
    private void changed(long item) {
        board.refresh(List.of(item));
        answers.clear();
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            if (required) {
                throw new InvalidInputException("the request has no '" + field + "'", "send \"" + field + "\" as text");
            }
            return null;
        }
        return n.asText().strip();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> m = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    static void json(HttpExchange ex, int status, Object value) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, "application/json", DashboardApi.COMPACT.writeValueAsBytes(value));
    }

    static void error(HttpExchange ex, int status, String message, String hint) throws IOException {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("error", message);
        body.put("hint", hint);
        json(ex, status, body);
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
