package dev.ailab.sources.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ailab.core.testing.RequiredTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A git smart-HTTP server for tests: the JDK's HTTP server in front of the real
 * {@code git http-backend} CGI, with basic authentication by a token.
 */
public final class TestGitHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final Path root;
    private final String user;
    private final String token;
    private final Path git;

    /** Skips the test, or fails it when CI_REQUIRE names git, unless git is on PATH. */
    public TestGitHttpServer(Path projectRoot, String user, String token) throws IOException {
        this.git = RequiredTool.onPath("git");
        this.root = projectRoot;
        this.user = user;
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url(String repo) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repo;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            serveBackend(ex, root, git, user);
        }
    }

    /**
     * Answers one smart-HTTP request through {@code git http-backend} over the repositories under
     * {@code root}, as {@code remoteUser} (which enables pushes); the caller has checked who asks.
     * Shared with the GitHub stand-in of the integrations tests.
     */
    public static void serveBackend(HttpExchange ex, Path root, Path git, String remoteUser) throws IOException {
        {
            byte[] body = ex.getRequestBody().readAllBytes();
            ProcessBuilder pb = new ProcessBuilder(git.toString(), "http-backend");
            Map<String, String> env = pb.environment();
            env.put("GIT_PROJECT_ROOT", root.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("PATH_INFO", ex.getRequestURI().getPath());
            env.put("QUERY_STRING", ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
            env.put("REQUEST_METHOD", ex.getRequestMethod());
            env.put("REMOTE_USER", remoteUser);
            env.put("REMOTE_ADDR", "127.0.0.1");
            env.put("CONTENT_LENGTH", Integer.toString(body.length));
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                env.put("CONTENT_TYPE", type);
            }
            String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
            if (encoding != null) {
                env.put("HTTP_CONTENT_ENCODING", encoding);
            }
            String protocol = ex.getRequestHeaders().getFirst("Git-Protocol");
            if (protocol != null) {
                env.put("GIT_PROTOCOL", protocol);
            }
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(body);
            }
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            p.getErrorStream().readAllBytes();
            int headerEnd = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            int sep = 4;
            if (headerEnd < 0) {
                headerEnd = indexOf(out, "\n\n".getBytes(StandardCharsets.US_ASCII));
                sep = 2;
            }
            int status = 200;
            for (String line : new String(out, 0, Math.max(0, headerEnd), StandardCharsets.ISO_8859_1).split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.split(" ")[0]);
                } else {
                    ex.getResponseHeaders().add(name, value);
                }
            }
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            payload.write(out, headerEnd + sep, out.length - headerEnd - sep);
            ex.sendResponseHeaders(status, payload.size() == 0 ? -1 : payload.size());
            if (payload.size() > 0) {
                ex.getResponseBody().write(payload.toByteArray());
            }
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
