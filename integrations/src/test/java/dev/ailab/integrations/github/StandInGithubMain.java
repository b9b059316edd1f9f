package dev.ailab.integrations.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The stand-in GitHub as a process of its own on loopback, for bench/github.sh. The token it
 * accepts comes from the environment ({@code STANDIN_TOKEN}), never argv. It prints its API URL
 * and its control URL on one line, then serves until killed. The control server (another
 * port) takes {@code POST /seed?count=N} (N new issues), {@code POST /edit?count=N} (N issues
 * edited remotely, the oldest first, so each is a different one) and {@code GET /stats}
 * (requests served, rate limit left, issues, this process's CPU time).
 */
public final class StandInGithubMain {
    private StandInGithubMain() {
    }

    public static void main(String[] args) throws IOException {
        String token = System.getenv("STANDIN_TOKEN");
        if (token == null || token.isEmpty()) {
            System.err.println("set STANDIN_TOKEN to the token the stand-in accepts");
            System.exit(2);
        }
        StandInGithub gh = new StandInGithub("acme", "shop").token(token, "repo, read:org");
        int[] edits = {0};
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                String q = ex.getRequestURI().getQuery();
                int count = q != null && q.startsWith("count=") ? Integer.parseInt(q.substring(6)) : 0;
                String body;
                if (path.equals("/seed")) {
                    for (int i = 0; i < count; i++) {
                        gh.add("Issue " + (gh.issueCount() + 1) + ": tidy the module and write its tests", "Body text.");
                    }
                    body = "{\"issues\":" + gh.issueCount() + "}";
                } else if (path.equals("/edit")) {
                    synchronized (edits) {
                        for (int i = 0; i < count; i++) {
                            int n = edits[0]++ % gh.issueCount() + 1;
                            gh.edit(n, issue -> issue.title = issue.title + " (edited there)");
                        }
                    }
                    body = "{\"edited\":" + count + "}";
                } else if (path.equals("/stats")) {
                    long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime();
                    body = "{\"requests\":" + gh.requests() + ",\"remaining\":" + gh.remaining() + ",\"issues\":"
                            + gh.issueCount() + ",\"cpu_ms\":" + cpu / 1_000_000 + "}";
                } else {
                    reply(ex, 404, "{}");
                    return;
                }
                reply(ex, 200, body);
            }
        });
        control.start();
        System.out.println(gh.apiUrl() + " http://127.0.0.1:" + control.getAddress().getPort());
        System.out.flush();
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
