package dev.ailab.cli.dashboard;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ailab.cli.JsonOutput;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.hub.Priority;
import dev.ailab.hub.WorkFilter;
import dev.ailab.hub.WorkStatus;
import dev.ailab.hub.dashboard.DashboardQueries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read side of {@code /api/}: one method per resource, plain values Jackson writes with the
 * CLI's JSON rules. The export command builds its snapshot from the same methods, so the file
 * and the served page show the same numbers.
 */
final class DashboardApi {
    /** The CLI's JSON rules on one line: an event's data must be one line, and smaller is faster. */
    static final ObjectWriter COMPACT = JsonOutput.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private DashboardApi() {
    }

    /** The board's filters: those of {@code work list}, and a priority. */
    record BoardFilter(WorkFilter filter, Priority priority) {
        /** From the page's query string: project, label, assignee, priority, q, status (default all four). */
        static BoardFilter of(Map<String, String> q) {
            WorkFilter f = new WorkFilter().all();
            String s = blank(q.get("status"));
            if (s != null) {
                EnumSet<WorkStatus> statuses = EnumSet.noneOf(WorkStatus.class);
                for (String word : s.split(",")) {
                    statuses.add(WorkStatus.parse(word.strip()));
                }
                f.statuses = statuses;
            }
            f.project = blank(q.get("project"));
            f.label = blank(q.get("label"));
            f.assignee = blank(q.get("assignee"));
            f.text = blank(q.get("q"));
            f.sort = WorkFilter.Sort.priority;
            String p = blank(q.get("priority"));
            return new BoardFilter(f, p == null ? null : Priority.parse(p));
        }

        List<DashboardQueries.Card> cards(DashboardQueries queries) {
            List<DashboardQueries.Card> all = queries.cards(filter);
            if (priority == null) {
                return all;
            }
            String word = priority.name();
            return all.stream().filter(c -> c.priority().equals(word)).toList();
        }
    }

    static Object get(DashboardQueries queries, String path, Map<String, String> q, LocalDate today, Instant now) {
        switch (path) {
            case "/api/overview":
                return queries.overview(today, now);
            case "/api/items": {
                BoardFilter f = BoardFilter.of(q);
                String ids = blank(q.get("ids"));
                if (ids == null) {
                    return f.cards(queries);
                }
                // The live page asks which of the changed ids match its text filter.
                List<Long> wanted = ids(ids);
                return f.cards(queries).stream().filter(c -> wanted.contains(c.id())).toList();
            }
            case "/api/sessions":
                return sessions(queries, q, today);
            case "/api/projects":
                return queries.projects();
            case "/api/health":
                return health(queries);
            default:
                if (path.matches("/api/items/\\d+")) {
                    return item(queries, Long.parseLong(path.substring("/api/items/".length())));
                }
                throw new InvalidInputException("no such API resource: " + path,
                        "the API has /api/overview, /api/items, /api/items/ID, /api/sessions, /api/projects, /api/host, /api/health and /api/events");
        }
    }

    static Map<String, Object> item(DashboardQueries queries, long id) {
        DashboardQueries.ItemView v = queries.item(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", v.item());
        m.put("body_html", Markdown.toSafeHtml(v.item().body()));
        m.put("children", v.children());
        m.put("sessions", v.sessions());
        m.put("idea", v.idea());
        return m;
    }

    static Map<String, Object> sessions(DashboardQueries queries, Map<String, String> q, LocalDate today) {
        LocalDate to = date(q.get("to"), today, "to");
        LocalDate from = date(q.get("from"), to.minusDays(29), "from");
        if (from.isAfter(to)) {
            throw new InvalidInputException("from " + from + " is after to " + to, "give from=YYYY-MM-DD before to=YYYY-MM-DD");
        }
        String agent = blank(q.get("agent"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from.toString());
        m.put("to", to.toString());
        m.put("days", queries.sessionDays(from, to, agent));
        m.put("recent", queries.recentSessions(agent, 50));
        return m;
    }

    /** {@code /api/host}: whether a host is set up here, and its {@code deploy status} if so. */
    static Map<String, Object> host(Object status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configured", status != null);
        m.put("status", status);
        return m;
    }

    static Map<String, Object> health(DashboardQueries queries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("store", queries.store().where());
        m.put("store_exists", queries.exists());
        m.put("vendor", queries.store().vendor().folder());
        return m;
    }

    private static LocalDate date(String text, LocalDate fallback, String name) {
        String t = blank(text);
        if (t == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " takes a date like 2026-12-01, got '" + t + "'", "give " + name + "=YYYY-MM-DD");
        }
    }

    private static List<Long> ids(String text) {
        List<Long> out = new ArrayList<>();
        for (String s : text.split(",")) {
            try {
                out.add(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("work item ids are whole numbers, got '" + s + "'", "give ids=1,2,3");
            }
        }
        return out;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
