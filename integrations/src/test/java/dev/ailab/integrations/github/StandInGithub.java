package dev.ailab.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful GitHub for tests, over loopback HTTP, following GitHub's documented REST behaviour
 * for what the toolkit uses: the token's user with {@code X-OAuth-Scopes}, users, one
 * repository's issues (labels, assignees, milestones), {@code ETag}/{@code If-None-Match} with
 * 304s that cost no rate limit, {@code Link} pagination, the rate-limit headers and
 * {@code /rate_limit} (with the four resources github-api needs), and a secondary-limit 403
 * with {@code Retry-After} on demand. Each change moves the issue's {@code updated_at} on by a
 * second of a logical clock, so {@code since} listings are exact.
 */
public final class StandInGithub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    public static final class Issue {
        public final int number;
        public String title;
        public String body;
        public String state = "open";
        public Set<String> labels = new LinkedHashSet<>();
        public List<String> assignees = new ArrayList<>();
        public Integer milestone;
        public Instant created;
        public Instant updated;
        public boolean pullRequest;

        Issue(int number) {
            this.number = number;
        }
    }

    private final HttpServer server;
    private final String owner;
    private final String repo;
    private final Map<String, String> tokens = new LinkedHashMap<>(); // token -> scopes
    final Map<Integer, Issue> issues = new TreeMap<>();
    final Map<Integer, Object[]> milestones = new TreeMap<>(); // number -> {title, due_on}
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger listingPages = new AtomicInteger();
    private int remaining = 5000;
    /** Fail the listing request after this many pages were served (the interrupted import); -1 never. */
    volatile int failAfterPages = -1;
    /** Answer the next request with a secondary-limit 403 and Retry-After {@link #retryAfterSeconds}. */
    volatile boolean secondaryLimitOnce;
    volatile int retryAfterSeconds = 1;
    /** Create the next issue, then answer 502 as if the connection broke after GitHub did it (a crash after the call). */
    volatile boolean failAfterCreateOnce;
    /** Refuse the next issue creation with a 502, creating nothing. */
    volatile boolean failBeforeCreateOnce;
    /** Issues deleted on GitHub: gone from listings, 410 Gone when asked for. */
    final Set<Integer> deleted = new java.util.HashSet<>();

    public StandInGithub(String owner, String repo) throws IOException {
        this.owner = owner;
        this.repo = repo;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StandInGithub token(String token, String scopes) {
        tokens.put(token, scopes);
        return this;
    }

    public synchronized int remaining() {
        return remaining;
    }

    /** Requests served so far, 304s and refusals included. */
    public int requests() {
        return requests.get();
    }

    public synchronized int issueCount() {
        return issues.size();
    }

    /** A copy-free look at one issue, for tests outside this package. */
    public synchronized Issue issue(int number) {
        return issues.get(number);
    }

    private synchronized Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    public synchronized Issue add(String title, String body) {
        Issue i = new Issue(issues.size() + 1);
        i.title = title;
        i.body = body;
        i.created = tick();
        i.updated = i.created;
        issues.put(i.number, i);
        return i;
    }

    /** A change made on GitHub by someone else. */
    public synchronized void edit(int number, java.util.function.Consumer<Issue> change) {
        Issue i = issues.get(number);
        change.accept(i);
        i.updated = tick();
    }

    /** Deleted on GitHub (by an admin): gone from listings, 410 when asked for. */
    public synchronized void delete(int number) {
        deleted.add(number);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String token = auth == null ? null : auth.replaceFirst("^(token|Bearer) ", "");
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            if (path.equals("/rate_limit")) {
                ObjectNode core = JSON.createObjectNode().put("limit", 5000).put("remaining", remaining())
                        .put("reset", Instant.now().getEpochSecond() + 3600).put("used", 5000 - remaining());
                ObjectNode res = JSON.createObjectNode();
                for (String r : List.of("core", "search", "graphql", "integration_manifest")) {
                    res.set(r, core.deepCopy());
                }
                ObjectNode body = JSON.createObjectNode();
                body.set("resources", res);
                body.set("rate", core);
                send(ex, 200, body.toString(), null, false);
                return;
            }
            if (token == null || !tokens.containsKey(token)) {
                send(ex, 401, "{\"message\":\"Bad credentials\"}", null, true);
                return;
            }
            ex.getResponseHeaders().add("X-OAuth-Scopes", tokens.get(token));
            if (secondaryLimitOnce) {
                secondaryLimitOnce = false;
                ex.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
                send(ex, 403, "{\"message\":\"You have exceeded a secondary rate limit.\"}", null, false);
                return;
            }
            boolean repoScope = List.of(tokens.get(token).replace(" ", "").split(",")).contains("repo");
            String base = "/repos/" + owner + "/" + repo;
            String method = ex.getRequestMethod();
            synchronized (this) {
                if (path.equals("/user")) {
                    send(ex, 200, user("octo").toString(), null, true);
                } else if (path.startsWith("/users/")) {
                    send(ex, 200, user(path.substring(7)).toString(), null, true);
                } else if (path.startsWith(base) && !repoScope) {
                    send(ex, 404, "{\"message\":\"Not Found\"}", null, true); // a private repository is invisible
                } else if (path.equals(base) && method.equals("GET")) {
                    conditional(ex, repository().toString());
                } else if (path.equals(base + "/issues") && method.equals("GET")) {
                    listIssues(ex, q);
                } else if (path.equals(base + "/issues") && method.equals("POST")) {
                    if (failBeforeCreateOnce) {
                        failBeforeCreateOnce = false;
                        send(ex, 502, "{\"message\":\"Server Error\"}", null, true);
                        return;
                    }
                    Issue i = add(null, null);
                    apply(i, JSON.readTree(ex.getRequestBody()));
                    if (failAfterCreateOnce) {
                        failAfterCreateOnce = false;
                        send(ex, 502, "{\"message\":\"Server Error\"}", null, true);
                        return;
                    }
                    send(ex, 201, issue(i).toString(), null, true);
                } else if (path.matches(base + "/issues/\\d+")) {
                    Issue i = issues.get(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
                    if (i == null) {
                        send(ex, 404, "{\"message\":\"Not Found\"}", null, true);
                    } else if (deleted.contains(i.number)) {
                        send(ex, 410, "{\"message\":\"This issue was deleted\"}", null, true);
                    } else if (method.equals("PATCH")) {
                        apply(i, JSON.readTree(ex.getRequestBody()));
                        i.updated = tick();
                        send(ex, 200, issue(i).toString(), null, true);
                    } else {
                        send(ex, 200, issue(i).toString(), null, true);
                    }
                } else if (path.equals(base + "/milestones") && method.equals("GET")) {
                    ArrayNode a = JSON.createArrayNode();
                    milestones.keySet().forEach(n -> a.add(milestone(n)));
                    send(ex, 200, a.toString(), null, true);
                } else if (path.equals(base + "/milestones") && method.equals("POST")) {
                    JsonNode b = JSON.readTree(ex.getRequestBody());
                    int n = milestones.size() + 1;
                    milestones.put(n, new Object[] {b.path("title").asText(), null});
                    send(ex, 201, milestone(n).toString(), null, true);
                } else if (path.matches(base + "/milestones/\\d+") && method.equals("PATCH")) {
                    int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                    JsonNode b = JSON.readTree(ex.getRequestBody());
                    if (b.has("due_on")) {
                        milestones.get(n)[1] = b.get("due_on").asText();
                    }
                    send(ex, 200, milestone(n).toString(), null, true);
                } else {
                    send(ex, 404, "{\"message\":\"Not Found\"}", null, true);
                }
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void apply(Issue i, JsonNode b) {
        if (b.has("title")) {
            i.title = b.get("title").asText();
        }
        if (b.has("body")) {
            i.body = b.get("body").isNull() ? null : b.get("body").asText();
        }
        if (b.has("state")) {
            i.state = b.get("state").asText();
        }
        if (b.has("labels")) {
            i.labels = new LinkedHashSet<>();
            b.get("labels").forEach(l -> i.labels.add(l.isTextual() ? l.asText() : l.path("name").asText()));
        }
        if (b.has("assignees")) {
            i.assignees = new ArrayList<>();
            b.get("assignees").forEach(a -> i.assignees.add(a.asText()));
        }
        if (b.has("assignee") && !b.get("assignee").isNull()) {
            i.assignees = new ArrayList<>(List.of(b.get("assignee").asText()));
        }
        if (b.has("milestone")) {
            i.milestone = b.get("milestone").isNull() ? null : b.get("milestone").asInt();
        }
    }

    private void listIssues(HttpExchange ex, Map<String, String> q) throws IOException {
        Instant since = q.containsKey("since") ? Instant.parse(q.get("since")) : null;
        int per = Integer.parseInt(q.getOrDefault("per_page", "30"));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        List<Issue> all = issues.values().stream().filter(i -> !deleted.contains(i.number))
                .filter(i -> since == null || !i.updated.isBefore(since))
                .sorted((a, b) -> q.getOrDefault("direction", "desc").equals("asc") ? a.updated.compareTo(b.updated)
                        : b.updated.compareTo(a.updated)).toList();
        if (failAfterPages >= 0 && listingPages.get() >= failAfterPages) {
            send(ex, 502, "{\"message\":\"Server Error\"}", null, true);
            return;
        }
        listingPages.incrementAndGet();
        int last = Math.max(1, (all.size() + per - 1) / per);
        ArrayNode a = JSON.createArrayNode();
        for (Issue i : all.subList(Math.min(all.size(), (page - 1) * per), Math.min(all.size(), page * per))) {
            a.add(issue(i));
        }
        if (page < last) {
            String raw = ex.getRequestURI().getRawQuery();
            String rest = raw.replaceAll("(^|&)page=\\d+", "");
            String url = apiUrl() + ex.getRequestURI().getPath() + "?" + rest + (rest.isEmpty() ? "" : "&");
            ex.getResponseHeaders().add("Link", "<" + url + "page=" + (page + 1) + ">; rel=\"next\", <" + url + "page="
                    + last + ">; rel=\"last\"");
        }
        conditional(ex, a.toString());
    }

    /** 304 without a rate-limit cost when If-None-Match names the body's ETag. */
    private void conditional(HttpExchange ex, String body) throws IOException {
        String etag;
        try {
            etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8))).substring(0, 32) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            send(ex, 304, null, etag, false);
        } else {
            send(ex, 200, body, etag, true);
        }
    }

    private void send(HttpExchange ex, int status, String body, String etag, boolean costs) throws IOException {
        synchronized (this) {
            if (costs) {
                remaining--;
            }
            ex.getResponseHeaders().add("X-RateLimit-Limit", "5000");
            ex.getResponseHeaders().add("X-RateLimit-Remaining", Integer.toString(remaining));
            ex.getResponseHeaders().add("X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + 3600));
            ex.getResponseHeaders().add("X-RateLimit-Resource", "core");
        }
        if (etag != null) {
            ex.getResponseHeaders().add("ETag", etag);
        }
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private ObjectNode user(String login) {
        return JSON.createObjectNode().put("login", login).put("id", Math.abs(login.hashCode())).put("type", "User")
                .put("url", apiUrl() + "/users/" + login).put("html_url", "https://github.test/" + login);
    }

    private ObjectNode repository() {
        ObjectNode r = JSON.createObjectNode().put("id", 1).put("name", repo).put("full_name", owner + "/" + repo)
                .put("private", true).put("default_branch", "main").put("url", apiUrl() + "/repos/" + owner + "/" + repo)
                .put("html_url", "https://github.test/" + owner + "/" + repo)
                .put("clone_url", "https://github.test/" + owner + "/" + repo + ".git");
        r.set("owner", user(owner));
        r.putObject("permissions").put("admin", true).put("push", true).put("pull", true);
        return r;
    }

    private ObjectNode milestone(int n) {
        Object[] m = milestones.get(n);
        ObjectNode o = JSON.createObjectNode().put("id", 1000 + n).put("number", n).put("title", (String) m[0])
                .put("state", "open").put("url", apiUrl() + "/repos/" + owner + "/" + repo + "/milestones/" + n);
        if (m[1] != null) {
            o.put("due_on", (String) m[1]);
        } else {
            o.putNull("due_on");
        }
        return o;
    }

    private ObjectNode issue(Issue i) {
        String url = apiUrl() + "/repos/" + owner + "/" + repo + "/issues/" + i.number;
        ObjectNode o = JSON.createObjectNode().put("id", 100000 + i.number).put("number", i.number).put("title", i.title)
                .put("body", i.body).put("state", i.state).put("url", url)
                .put("html_url", "https://github.test/" + owner + "/" + repo + "/issues/" + i.number)
                .put("created_at", i.created.toString()).put("updated_at", i.updated.toString());
        ArrayNode labels = o.putArray("labels");
        i.labels.forEach(l -> labels.addObject().put("id", Math.abs(l.hashCode())).put("name", l).put("color", "ededed"));
        ArrayNode as = o.putArray("assignees");
        i.assignees.forEach(a -> as.add(user(a)));
        if (!i.assignees.isEmpty()) {
            o.set("assignee", user(i.assignees.get(0)));
        }
        if (i.milestone != null) {
            o.set("milestone", milestone(i.milestone));
        }
        o.set("user", user("octo"));
        if (i.pullRequest) {
            o.putObject("pull_request").put("url", url);
        }
        return o;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String p : raw.split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    out.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
