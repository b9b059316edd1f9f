package dev.ailab.cli.dashboard;

import dev.ailab.hub.WorkItems;
import dev.ailab.hub.dashboard.DashboardQueries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dashboard export}: the page with its styles, script, chart library and data inline, one
 * file that opens from {@code file://} without a network. The same script draws it as the served
 * page; a Content-Security-Policy in the file allows exactly the inline script and styles it
 * carries (by their SHA-256), nothing else, so a title holding markup stays text here too.
 */
final class DashboardExport {
    private DashboardExport() {
    }

    static String html(DashboardQueries queries, DashboardApi.BoardFilter filter, Object host, LocalDate today, Instant now) {
        List<DashboardQueries.Card> cards = filter.cards(queries);
        Map<Long, String> bodies = new HashMap<>();
        if (queries.exists() && !cards.isEmpty()) {
            java.util.Set<Long> wanted = new java.util.HashSet<>();
            cards.forEach(c -> wanted.add(c.id()));
            new WorkItems(queries.store()).each(filter.filter(), r -> {
                if (wanted.contains(r.id()) && r.body() != null && !r.body().isBlank()) {
                    bodies.put(r.id(), Markdown.toSafeHtml(r.body()));
                }
            });
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exported_at", now.toString());
        data.put("overview", queries.overview(today, now));
        data.put("items", cards);
        data.put("bodies", bodies);
        data.put("projects", queries.projects());
        data.put("host", DashboardApi.host(host));
        data.put("sessions", DashboardApi.sessions(queries, Map.of(), today));
        DashboardAssets assets = new DashboardAssets();
        String style = assets.text("uPlot.min.css") + "\n" + assets.text("app.css");
        String script = assets.text("uPlot.iife.min.js") + "\n;\n" + assets.text("app.js");
        String csp = "default-src 'none'; script-src '" + sha256(script) + "'; style-src '" + sha256(style)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
        Map<String, Object> settings = Map.of("mode", "export", "allow_edit", false, "write_token", "");
        return assets.shell("<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">",
                "<style>" + style + "</style>",
                DashboardAssets.dataElement("settings", settings) + "\n" + DashboardAssets.dataElement("snapshot", data),
                "<script>" + script + "</script>");
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
