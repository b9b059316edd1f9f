package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AI sessions, in plain JDBC over the tables the {@link AiSession} entity maps. Start, log and
 * end are what agents' wrappers call many times a minute: one short transaction each.
 */
public final class Sessions {
    private static final String SELECT = "SELECT s.id, p.name, s.agent, s.model, s.started_at, s.ended_at, s.summary,"
            + " s.tokens_in, s.tokens_out, s.cost, (SELECT count(*) FROM ai_session_log l WHERE l.session_id = s.id)"
            + " FROM ai_session s LEFT JOIN project p ON p.id = s.project_id";

    private final StoreFactory store;

    public Sessions(StoreFactory store) {
        this.store = store;
    }

    /** A session as listed and shown. */
    public record SessionRow(long id, String project, String agent, String model, String started, String ended,
                             String summary, Long tokensIn, Long tokensOut, Double cost, List<Long> workItems,
                             int logEntries) {
        static SessionRow of(AiSession a) {
            return new SessionRow(a.id, a.project == null ? null : a.project.name, a.agent, a.model,
                    StoreValues.instant(a.startedAt), StoreValues.instant(a.endedAt), a.summary, a.tokensIn, a.tokensOut,
                    a.cost, a.workItems.stream().map(w -> w.id).toList(), a.log.size());
        }

        /** A row of {@link Sessions#SELECT}'s columns, with the linked work items given. */
        static SessionRow read(ResultSet rs, List<Long> workItems) throws SQLException {
            return new SessionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), JdbcValues.getLong(rs, 8), JdbcValues.getLong(rs, 9),
                    JdbcValues.getDouble(rs, 10), workItems, rs.getInt(11));
        }
    }

    /** One log line. */
    public record LogRow(String at, String message) {
    }

    /** A session with its log. */
    public record SessionDetails(SessionRow session, List<LogRow> log) {
    }

    public long start(String agent, String model, String project, List<Long> workItems) {
        if (agent == null || agent.isBlank()) {
            throw new InvalidInputException("a session needs an agent name", "give --agent NAME");
        }
        return store.jdbc(c -> {
            Long projectId = project == null ? null : Projects.idOrCreate(c, project);
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ai_session (project_id, agent, model, started_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                WorkItems.setLong(ps, 1, projectId);
                ps.setString(2, agent.strip());
                ps.setString(3, model);
                ps.setString(4, StoreValues.now());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            link(c, id, workItems);
            return id;
        });
    }

    private static void link(Connection c, long session, List<Long> workItems) throws SQLException {
        for (Long w : workItems) {
            if (!WorkItems.exists(c, w)) {
                throw WorkItems.unknown(w);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ai_session_work_item (session_id, work_item_id) SELECT ?, ? WHERE NOT EXISTS"
                            + " (SELECT 1 FROM ai_session_work_item WHERE session_id = ? AND work_item_id = ?)")) {
                ps.setLong(1, session);
                ps.setLong(2, w);
                ps.setLong(3, session);
                ps.setLong(4, w);
                ps.executeUpdate();
            }
        }
    }

    private static void requireSession(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ai_session WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw unknown(id);
                }
            }
        }
    }

    /** Adds one line to a running session's log and returns it as stored; an ended session is refused like a second end. */
    public LogRow log(long id, String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidInputException("empty log message", "give MESSAGE or pipe it on standard input");
        }
        return store.jdbc(c -> {
            requireSession(c, id);
            String at = StoreValues.now();
            String text = message.stripTrailing();
            // One statement: a concurrent 'session end' cannot slip in between a check and the insert.
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ai_session_log (session_id, logged_at, message) SELECT id, ?, ? FROM ai_session"
                            + " WHERE id = ? AND ended_at IS NULL")) {
                ps.setString(1, at);
                ps.setString(2, text);
                ps.setLong(3, id);
                if (ps.executeUpdate() == 0) {
                    throw new InvalidInputException("session " + id + " has ended; nothing was logged",
                            "start a new one with 'ai-lab session start', or see it with 'ai-lab session show " + id + "'");
                }
            }
            return new LogRow(at, text);
        });
    }

    /** Ends a session; ending twice is refused (the first end time stays). */
    public void end(long id, String summary, Long tokensIn, Long tokensOut, Double cost, List<Long> workItems) {
        if ((tokensIn != null && tokensIn < 0) || (tokensOut != null && tokensOut < 0) || (cost != null && cost < 0)) {
            throw new InvalidInputException("token counts and cost cannot be negative", null);
        }
        store.jdbc(c -> {
            requireSession(c, id);
            try (PreparedStatement ps = c.prepareStatement("UPDATE ai_session SET ended_at = ?, summary = coalesce(?, summary),"
                    + " tokens_in = coalesce(?, tokens_in), tokens_out = coalesce(?, tokens_out), cost = coalesce(?, cost)"
                    + " WHERE id = ? AND ended_at IS NULL")) {
                ps.setString(1, StoreValues.now());
                ps.setString(2, summary);
                WorkItems.setLong(ps, 3, tokensIn);
                WorkItems.setLong(ps, 4, tokensOut);
                JdbcValues.setDouble(ps, 5, cost);
                ps.setLong(6, id);
                if (ps.executeUpdate() == 0) {
                    throw new InvalidInputException("session " + id + " has already ended",
                            "see it with 'ai-lab session show " + id + "'");
                }
            }
            link(c, id, workItems);
            return null;
        });
    }

    /** Sessions, newest first; {@code limit} 0 means all. */
    public List<SessionRow> list(String project, String agent, boolean openOnly, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (project != null) {
            where.append(" AND p.name = ?");
            args.add(project);
        }
        if (agent != null) {
            where.append(" AND s.agent = ?");
            args.add(agent);
        }
        if (openOnly) {
            where.append(" AND s.ended_at IS NULL");
        }
        String order = " ORDER BY s.id DESC" + (limit > 0 ? " LIMIT " + limit : "");
        return store.read(c -> {
            // The links of the listed sessions in one query, ordered like the entity's @OrderBy.
            Map<Long, List<Long>> links = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT x.session_id, x.work_item_id FROM ai_session_work_item x"
                    + " WHERE x.session_id IN (SELECT s.id FROM ai_session s LEFT JOIN project p ON p.id = s.project_id"
                    + where + order + ") ORDER BY x.session_id, x.work_item_id")) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            List<SessionRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + where + order)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(SessionRow.read(rs, List.copyOf(links.getOrDefault(rs.getLong(1), List.of()))));
                    }
                }
            }
            return out;
        });
    }

    private static void bind(PreparedStatement ps, List<String> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i));
        }
    }

    public SessionDetails show(long id) {
        return store.read(c -> {
            List<Long> workItems = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT work_item_id FROM ai_session_work_item WHERE session_id = ? ORDER BY work_item_id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        workItems.add(rs.getLong(1));
                    }
                }
            }
            SessionRow session;
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE s.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw unknown(id);
                    }
                    session = SessionRow.read(rs, List.copyOf(workItems));
                }
            }
            List<LogRow> log = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT logged_at, message FROM ai_session_log WHERE session_id = ? ORDER BY id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        log.add(new LogRow(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return new SessionDetails(session, log);
        });
    }

    static InvalidInputException unknown(long id) {
        return new InvalidInputException("no session with id " + id, "list them with 'ai-lab session list'");
    }
}
