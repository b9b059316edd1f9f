package dev.ailab.cli.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page, its script and styles, and the chart library (uPlot, from its WebJar), all read from
 * the jar: nothing is fetched from elsewhere, so the dashboard works without a network.
 */
final class DashboardAssets {
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final Map<String, String> FILES = Map.of(
            "app.js", "dev/ailab/cli/dashboard/app.js",
            "app.css", "dev/ailab/cli/dashboard/app.css",
            "uPlot.iife.min.js", UPLOT + "uPlot.iife.min.js",
            "uPlot.min.css", UPLOT + "uPlot.min.css");
    private static final String SHELL = "dev/ailab/cli/dashboard/shell.html";
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    boolean has(String name) {
        return FILES.containsKey(name);
    }

    byte[] bytes(String name) {
        return cache.computeIfAbsent(name, n -> read(n.equals("shell") ? SHELL : FILES.get(n)));
    }

    String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static String type(String path) {
        return path.endsWith(".js") ? "text/javascript; charset=utf-8" : path.endsWith(".css") ? "text/css; charset=utf-8"
                : "application/octet-stream";
    }

    /** The served page: the shell with its settings (mode, edit, token) as JSON in a data element. */
    byte[] page(Map<String, Object> settings) {
        String head = "<link rel=\"stylesheet\" href=\"/assets/uPlot.min.css\">\n<link rel=\"stylesheet\" href=\"/assets/app.css\">";
        String scripts = "<script src=\"/assets/uPlot.iife.min.js\"></script>\n<script src=\"/assets/app.js\"></script>";
        return shell("", head, dataElement("settings", settings), scripts).getBytes(StandardCharsets.UTF_8);
    }

    String shell(String cspMeta, String head, String data, String scripts) {
        return text("shell").replace("{{csp}}", cspMeta).replace("{{head}}", head).replace("{{data}}", data)
                .replace("{{scripts}}", scripts);
    }

    /**
     * JSON in a non-executed script element: every '<' is written as \u003c, so nothing in the
     * data (a title holding "</script>") can end the element.
     */
    static String dataElement(String id, Object value) {
        try {
            String json = DashboardApi.COMPACT.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
            return "<script type=\"application/json\" id=\"" + id + "\">" + json + "</script>";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = DashboardAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
