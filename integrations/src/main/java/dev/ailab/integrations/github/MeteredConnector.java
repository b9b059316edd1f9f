package dev.ailab.integrations.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * github-api's transport, wrapped: counts requests and the rate-limit units they cost, keeps
 * the last rate-limit and scope headers, and makes the issue listing conditional. A GET that
 * {@link Conditional} knows is sent with {@code If-None-Match}; GitHub answers 304 (free of
 * rate limit) when nothing changed, and this connector hands the client the stored body as a
 * 200, the way an HTTP cache would.
 */
final class MeteredConnector implements GitHubConnector {
    /** The stored ETag and body of conditional GETs. */
    interface Conditional {
        /** Whether responses to {@code url} should be kept. */
        boolean wants(String url);

        /** {etag, body} for {@code url}, or null. */
        String[] cached(String url);

        void store(String url, String etag, String body);
    }

    private final GitHubConnector inner;
    private volatile Conditional conditional;
    private int requests;
    private int notModified;
    private int units;
    private Integer remaining;
    private Integer limit;
    private String scopes;
    private boolean scopesSeen;

    MeteredConnector(GitHubConnector inner) {
        this.inner = inner;
    }

    void conditional(Conditional c) {
        this.conditional = c;
    }

    synchronized int requests() {
        return requests;
    }

    synchronized int notModified() {
        return notModified;
    }

    /** Rate-limit units spent: every answer but a 304 costs one. */
    synchronized int units() {
        return units;
    }

    synchronized Integer remaining() {
        return remaining;
    }

    synchronized Integer limit() {
        return limit;
    }

    /** The token's classic scopes, or null when GitHub sent none (a fine-grained token). */
    synchronized String scopes() {
        return scopesSeen ? scopes : null;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        Conditional c = conditional;
        String url = request.url().toString();
        boolean get = request.method().equals("GET");
        String[] cached = get && c != null && c.wants(url) ? c.cached(url) : null;
        GitHubConnectorRequest sent = cached == null ? request : withHeader(request, "If-None-Match", cached[0]);
        GitHubConnectorResponse response = inner.send(sent);
        note(response);
        if (cached != null && response.statusCode() == 304) {
            response.close();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(nonNull(response.allHeaders()));
            headers.put("Content-Type", List.of("application/json; charset=utf-8"));
            return bytes(request, 200, headers, cached[1].getBytes(StandardCharsets.UTF_8));
        }
        if (get && c != null && c.wants(url) && response.statusCode() == 200 && response.header("ETag") != null) {
            byte[] body;
            try (InputStream in = response.bodyStream()) {
                body = in.readAllBytes();
            }
            response.close();
            c.store(url, response.header("ETag"), new String(body, StandardCharsets.UTF_8));
            return bytes(request, 200, nonNull(response.allHeaders()), body);
        }
        return response;
    }

    private static Map<String, List<String>> nonNull(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private synchronized void note(GitHubConnectorResponse r) {
        requests++;
        if (r.statusCode() == 304) {
            notModified++;
        } else if (r.header("X-RateLimit-Remaining") != null) {
            units++;
        }
        try {
            if (r.header("X-RateLimit-Remaining") != null) {
                remaining = Integer.parseInt(r.header("X-RateLimit-Remaining").trim());
            }
            if (r.header("X-RateLimit-Limit") != null) {
                limit = Integer.parseInt(r.header("X-RateLimit-Limit").trim());
            }
        } catch (NumberFormatException ignored) {
            // a proxy's odd header is not worth failing a sync for
        }
        if (r.header("X-OAuth-Scopes") != null) {
            scopesSeen = true;
            scopes = r.header("X-OAuth-Scopes");
        }
    }

    private static GitHubConnectorResponse bytes(GitHubConnectorRequest request, int status,
                                                 Map<String, List<String>> headers, byte[] body) {
        return new GitHubConnectorResponse.ByteArrayResponse(request, status, headers) {
            @Override
            protected InputStream rawBodyStream() {
                return new ByteArrayInputStream(body);
            }
        };
    }

    private static GitHubConnectorRequest withHeader(GitHubConnectorRequest r, String name, String value) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(r.allHeaders());
        headers.put(name, new ArrayList<>(List.of(value)));
        return new GitHubConnectorRequest() {
            @Override
            public String method() {
                return r.method();
            }

            @Override
            public Map<String, List<String>> allHeaders() {
                return headers;
            }

            @Override
            public String header(String n) {
                List<String> v = headers.get(n);
                return v == null || v.isEmpty() ? null : String.join(",", v);
            }

            @Override
            public String contentType() {
                return r.contentType();
            }

            @Override
            public InputStream body() {
                return r.body();
            }

            @Override
            public URL url() {
                return r.url();
            }

            @Override
            public boolean hasBody() {
                return r.hasBody();
            }
        };
    }
}
