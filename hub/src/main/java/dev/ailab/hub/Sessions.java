package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * AI sessions. Start, log and end are what agents' wrappers call many times a minute: plain JDBC,
 * one short transaction each. List and show read the {@link AiSession} entity graph.
 */
public final class Sessions {
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

    /** Adds one line to a session's log and returns it as stored. */
    public LogRow log(long id, String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidInputException("empty log message", "give MESSAGE or pipe it on standard input");
        }
        return store.jdbc(c -> {
            requireSession(c, id);
            String at = StoreValues.now();
            String text = message.stripTrailing();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ai_session_log (session_id, logged_at, message) VALUES (?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, at);
                ps.setString(3, text);
                ps.executeUpdate();
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
                if (cost == null) {
                    ps.setNull(5, Types.DOUBLE);
                } else {
                    ps.setDouble(5, cost);
                }
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

    public List<SessionRow> list(String project, String agent, boolean openOnly, int limit) {
        return store.hibernate(s -> {
            StringBuilder q = new StringBuilder("from AiSession a left join fetch a.project where 1 = 1");
            if (project != null) {
                q.append(" and a.project.name = :p");
            }
            if (agent != null) {
                q.append(" and a.agent = :a");
            }
            if (openOnly) {
                q.append(" and a.endedAt is null");
            }
            q.append(" order by a.id desc");
            var query = s.createSelectionQuery(q.toString(), AiSession.class);
            if (project != null) {
                query.setParameter("p", project);
            }
            if (agent != null) {
                query.setParameter("a", agent);
            }
            if (limit > 0) {
                query.setMaxResults(limit);
            }
            List<SessionRow> out = new ArrayList<>();
            for (AiSession a : query.getResultList()) {
                out.add(SessionRow.of(a));
            }
            return out;
        });
    }

    public SessionDetails show(long id) {
        return store.hibernate(s -> {
            AiSession a = s.find(AiSession.class, id);
            if (a == null) {
                throw unknown(id);
            }
            List<LogRow> log = a.log.stream().map(e -> new LogRow(StoreValues.instant(e.loggedAt), e.message)).toList();
            return new SessionDetails(SessionRow.of(a), log);
        });
    }

    static InvalidInputException unknown(long id) {
        return new InvalidInputException("no session with id " + id, "list them with 'ai-lab session list'");
    }
}
