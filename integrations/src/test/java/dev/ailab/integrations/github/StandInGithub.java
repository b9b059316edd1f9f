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
 *
 * <p>Repositories as well: organisations, {@code POST /user/repos} and
 * {@code POST /orgs/{org}/repos} (201, 422 when the name exists), {@code GET /repos/{o}/{r}},
 * {@code PUT /repos/{o}/{r}/topics}, and for each repository a git smart-HTTP remote at
 * {@code /{o}/{r}.git} (the real {@code git http-backend}, basic auth with the token as password,
 * as GitHub takes it). Laid out like GitHub Enterprise Server: the API also answers under
 * {@code /api/v3} ({@link #enterpriseApiUrl}), so clone URLs are {@code <base>/{o}/{r}.git}.
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

    /** A repository made through the API (or seeded by a test). */
    public static final class Repository {
        public final String owner;
        public final String name;
        public boolean privateRepository;
        public String description;
        public List<String> topics = new ArrayList<>();

        Repository(String owner, String name) {
            this.owner = owner;
            this.name = name;
        }
    }

    private final Set<String> organizations = new LinkedHashSet<>();
    private final Map<String, Repository> repositories = new LinkedHashMap<>();
    private java.nio.file.Path gitRoot;

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

    /** The API as GitHub Enterprise Server serves it: {@code <base>/api/v3}. */
    public String enterpriseApiUrl() {
        return apiUrl() + "/api/v3";
    }

    /** Where pushed repositories live (bare, {@code <owner>/<name>.git}); needed before the first repository. */
    public StandInGithub gitRoot(java.nio.file.Path root) {
        this.gitRoot = root;
        return this;
    }

    public synchronized StandInGithub organization(String login) {
        organizations.add(login);
        return this;
    }

    public synchronized Repository repository(String owner, String name) {
        return repositories.get(owner + "/" + name);
    }

    /** The bare repository behind {@code owner/name}. */
    public java.nio.file.Path bare(String owner, String name) {
        return gitRoot.resolve(owner + "/" + name + ".git");
    }

    /** A repository that exists before the test, with one commit of its own (unrelated history). */
    public synchronized Repository seed(String owner, String name, String file) throws Exception {
        Repository r = createRepository(owner, name);
        commitOnRemote(owner, name, file, "made by hand\n");
        return r;
    }

    /** Someone else's commit on {@code main} of {@code owner/name}, pushed straight into the bare repository. */
    public String commitOnRemote(String owner, String name, String file, String content) throws Exception {
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory(gitRoot, "elsewhere");
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.cloneRepository()
                .setURI(bare(owner, name).toUri().toString()).setDirectory(work.toFile()).call()) {
            java.nio.file.Files.writeString(work.resolve(file), content);
            git.add().addFilepattern(".").call();
            var who = new org.eclipse.jgit.lib.PersonIdent("someone", "someone@example.org");
            String id = git.commit().setMessage("by hand").setAuthor(who).setCommitter(who).setSign(false).call().name();
            git.push().setRemote("origin").setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main")).call();
            return id;
        }
    }

    /** The commit {@code main} of {@code owner/name} points at, or null. */
    public String head(String owner, String name) throws IOException {
        try (org.eclipse.jgit.lib.Repository r = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(bare(owner, name).toFile()).setMustExist(true).build()) {
            var ref = r.exactRef("refs/heads/main");
            return ref == null ? null : ref.getObjectId().name();
        }
    }

    private Repository createRepository(String owner, String name) {
        Repository r = new Repository(owner, name);
        r.privateRepository = false; // GitHub's default when the request does not say
        repositories.put(owner + "/" + name, r);
        try {
            org.eclipse.jgit.api.Git.init().setBare(true).setInitialBranch("main").setDirectory(bare(owner, name).toFile())
                    .call().close();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return r;
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
            if (path.matches("/[^/]+/[^/]+\\.git/.*") && gitRoot != null) {
                String password = basicPassword(ex.getRequestHeaders().getFirst("Authorization"));
                if (password == null || !tokens.containsKey(password)) {
                    ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"GitHub\"");
                    ex.sendResponseHeaders(401, -1);
                    return;
                }
                dev.ailab.sources.git.TestGitHttpServer.serveBackend(ex, gitRoot,
                        dev.ailab.core.testing.RequiredTool.onPath("git"), "x-access-token");
                return;
            }
            if (path.startsWith("/api/v3/") || path.equals("/api/v3")) {
                path = path.substring("/api/v3".length());
            }
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
                if (repositoryRequest(ex, path, method, scopeList(tokens.get(token)))) {
                    return;
                }
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

    private static List<String> scopeList(String scopes) {
        return List.of(scopes.replace(" ", "").split(","));
    }

    private static String basicPassword(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(colon + 1);
    }

    /** The repository API; false when {@code path} is not one of its requests. */
    private boolean repositoryRequest(HttpExchange ex, String path, String method, List<String> scopes) throws IOException {
        boolean canCreate = scopes.contains("repo") || scopes.contains("public_repo");
        java.util.regex.Matcher org = java.util.regex.Pattern.compile("/orgs/([^/]+)(/repos)?").matcher(path);
        java.util.regex.Matcher repoPath = java.util.regex.Pattern.compile("/repos/([^/]+)/([^/]+)(/topics)?").matcher(path);
        if (path.startsWith("/users/") && organizations.contains(path.substring(7))) {
            send(ex, 200, organizationJson(path.substring(7)).toString(), null, true);
        } else if (org.matches() && method.equals("GET") && org.group(2) == null) {
            if (organizations.contains(org.group(1))) {
                send(ex, 200, organizationJson(org.group(1)).toString(), null, true);
            } else {
                send(ex, 404, "{\"message\":\"Not Found\"}", null, true);
            }
        } else if ((path.equals("/user/repos") || org.matches() && org.group(2) != null) && method.equals("POST")) {
            String owner = path.equals("/user/repos") ? "octo" : org.group(1);
            JsonNode b = JSON.readTree(ex.getRequestBody());
            if (!path.equals("/user/repos") && !organizations.contains(owner)) {
                send(ex, 404, "{\"message\":\"Not Found\"}", null, true);
            } else if (!canCreate) {
                send(ex, 403, "{\"message\":\"Resource not accessible by personal access token\"}", null, true);
            } else if (repositories.containsKey(owner + "/" + b.path("name").asText())) {
                send(ex, 422, "{\"message\":\"Repository creation failed.\",\"errors\":[{\"resource\":\"Repository\","
                        + "\"code\":\"custom\",\"field\":\"name\",\"message\":\"name already exists on this account\"}]}",
                        null, true);
            } else {
                Repository r = createRepository(owner, b.path("name").asText());
                r.privateRepository = b.path("private").asBoolean(false);
                r.description = b.hasNonNull("description") ? b.get("description").asText() : null;
                send(ex, 201, repositoryJson(r).toString(), null, true);
            }
        } else if (repoPath.matches() && repositories.containsKey(repoPath.group(1) + "/" + repoPath.group(2))) {
            Repository r = repositories.get(repoPath.group(1) + "/" + repoPath.group(2));
            if (repoPath.group(3) != null && method.equals("PUT")) {
                r.topics = new ArrayList<>();
                JSON.readTree(ex.getRequestBody()).path("names").forEach(n -> r.topics.add(n.asText()));
                ObjectNode names = JSON.createObjectNode();
                r.topics.forEach(names.putArray("names")::add);
                send(ex, 200, names.toString(), null, true);
            } else if (repoPath.group(3) == null && method.equals("GET")) {
                send(ex, 200, repositoryJson(r).toString(), null, true);
            } else {
                send(ex, 404, "{\"message\":\"Not Found\"}", null, true);
            }
        } else {
            return false;
        }
        return true;
    }

    private ObjectNode organizationJson(String login) {
        return JSON.createObjectNode().put("login", login).put("id", Math.abs(login.hashCode())).put("type", "Organization")
                .put("url", apiUrl() + "/orgs/" + login).put("html_url", "https://github.test/" + login);
    }

    private ObjectNode repositoryJson(Repository r) {
        String full = r.owner + "/" + r.name;
        ObjectNode o = JSON.createObjectNode().put("id", Math.abs(full.hashCode())).put("name", r.name).put("full_name", full)
                .put("private", r.privateRepository).put("visibility", r.privateRepository ? "private" : "public")
                .put("description", r.description).put("default_branch", "main")
                .put("url", apiUrl() + "/repos/" + full).put("html_url", apiUrl() + "/" + full)
                .put("clone_url", apiUrl() + "/" + full + ".git");
        o.set("owner", organizations.contains(r.owner) ? organizationJson(r.owner) : user(r.owner));
        ArrayNode topics = o.putArray("topics");
        r.topics.forEach(topics::add);
        o.putObject("permissions").put("admin", true).put("push", true).put("pull", true);
        return o;
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
