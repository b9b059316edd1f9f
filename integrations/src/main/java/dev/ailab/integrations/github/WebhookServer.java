package dev.ailab.integrations.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** The JDK's HTTP server in front of a {@link WebhookHandler}, at {@code /hooks/github}. */
public final class WebhookServer implements AutoCloseable {
    public static final String PATH = "/hooks/github";
    private final HttpServer server;

    public WebhookServer(WebhookHandler handler, String bind, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.createContext(PATH, ex -> serve(handler, ex));
        // one delivery at a time: syncs of one repository never overlap inside this process
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void serve(WebhookHandler handler, HttpExchange ex) throws IOException {
        try (ex) {
            WebhookHandler.Outcome o;
            if (!ex.getRequestMethod().equals("POST")) {
                o = new WebhookHandler.Outcome(405, "deliveries are POSTed");
            } else {
                byte[] body = ex.getRequestBody().readNBytes(25 * 1024 * 1024);
                try {
                    o = handler.handle(ex.getRequestHeaders().getFirst("X-GitHub-Event"),
                            ex.getRequestHeaders().getFirst("X-GitHub-Delivery"),
                            ex.getRequestHeaders().getFirst("X-Hub-Signature-256"), body);
                } catch (RuntimeException e) {
                    o = new WebhookHandler.Outcome(502, "sync failed: " + e.getMessage());
                }
            }
            byte[] out = (o.message() + "\n").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(o.status(), out.length);
            ex.getResponseBody().write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
