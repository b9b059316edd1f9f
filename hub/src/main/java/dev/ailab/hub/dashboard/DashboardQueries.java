package dev.ailab.hub.dashboard;

import dev.ailab.hub.Ideas;
import dev.ailab.hub.ProjectRow;
import dev.ailab.hub.Projects;
import dev.ailab.hub.Sessions;
import dev.ailab.hub.StoreFactory;
import dev.ailab.hub.WorkFilter;
import dev.ailab.hub.WorkItemRow;
import dev.ailab.hub.WorkItems;
import dev.ailab.hub.WorkStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's read model: what each view shows, read with plain JDBC through the same
 * repositories as the CLI. A store that does not exist yet is not created: every view is empty
 * and {@link #exists()} says so, because the dashboard is read-only unless told otherwise.
 */
public final class DashboardQueries {
    private final StoreFactory store;

    public DashboardQueries(StoreFactory store) {
        this.store = store;
    }

    public StoreFactory store() {
        return store;
    }

    /** False for an SQLite file that is not there yet (PostgreSQL always answers). */
    public boolean exists() {
        return store.file() == null || Files.isRegularFile(store.file());
    }

    /** A card of the board: the item without its body, with the ids of its linked sessions. */
    public record Card(long id, String project, String title, String status, String priority, List<String> labels,
                       String assignee, String due, Long parent, List<Long> sessions, String updated) {
        static Card of(WorkItemRow r, List<Long> sessions) {
            return new Card(r.id(), r.project(), r.title(), r.status(), r.priority(), r.labels(), r.assignee(), r.due(),
                    r.parent(), sessions, r.updated());
        }
    }

    /** The cards that match {@code filter}, in its order. */
    public List<Card> cards(WorkFilter filter) {
        if (!exists()) {
            return List.of();
        }
        Map<Long, List<Long>> links = links(null);
        List<Card> out = new ArrayList<>();
        new WorkItems(store).eachWithoutBody(filter, r -> out.add(Card.of(r, links.getOrDefault(r.id(), List.of()))));
        return out;
    }

    /** The cards of these ids that still exist (the live stream sends only those that changed). */
    public List<Card> cards(List<Long> ids) {
        if (ids.isEmpty() || !exists()) {
            return List.of();
        }
        Map<Long, List<Long>> links = links(ids);
        List<Card> out = new ArrayList<>();
        WorkItems items = new WorkItems(store);
        for (long id : ids) {
            try {
                out.add(Card.of(items.get(id), links.getOrDefault(id, List.of())));
            } catch (RuntimeException gone) {
                // deleted between the change and this read: the next snapshot reports it removed
            }
        }
        return out;
    }

    private Map<Long, List<Long>> links(List<Long> only) {
        String sql = "SELECT work_item_id, session_id FROM ai_session_work_item"
                + (only == null ? "" : " WHERE work_item_id IN (" + String.join(",", only.stream().map(String::valueOf).toList()) + ")")
                + " ORDER BY work_item_id, session_id";
        return store.read(c -> {
            Map<Long, List<Long>> m = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
            return m;
        });
    }

    /** Item counts of one project (null: items without a project), one number per status. */
    public record ProjectCounts(String project, long todo, long doing, long blocked, long done) {
    }

    /** A due or overdue item as the overview lists it. */
    public record DueItem(long id, String project, String title, String status, String due) {
    }

    /** One agent's sessions over the last seven days. */
    public record AgentWeek(String agent, long sessions, long tokensIn, long tokensOut, double cost) {
    }

    /** The newest database backup: its file and age in hours; null fields when there is none. */
    public record BackupAge(String file, Double ageHours) {
    }

    /** The overview's numbers. */
    public record Overview(boolean storeExists, String store, List<ProjectCounts> byProject, ProjectCounts totals,
                           List<DueItem> dueThisWeek, List<DueItem> overdue, List<AgentWeek> sessionsThisWeek,
                           BackupAge backup) {
    }

    public Overview overview(LocalDate today, Instant now) {
        BackupAge backup = backupAge(now);
        if (!exists()) {
            return new Overview(false, store.where(), List.of(), new ProjectCounts(null, 0, 0, 0, 0), List.of(), List.of(),
                    List.of(), backup);
        }
        String weekAgo = today.minusDays(6).toString();
        String weekAhead = today.plusDays(7).toString();
        return store.read(c -> {
            Map<String, long[]> counts = new LinkedHashMap<>();
            long[] total = new long[4];
            try (PreparedStatement ps = c.prepareStatement("SELECT p.name, w.status, count(*) FROM work_item w"
                    + " LEFT JOIN project p ON p.id = w.project_id GROUP BY p.name, w.status ORDER BY p.name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int k = WorkStatus.parse(rs.getString(2)).ordinal();
                    counts.computeIfAbsent(rs.getString(1), x -> new long[4])[k] += rs.getLong(3);
                    total[k] += rs.getLong(3);
                }
            }
            List<ProjectCounts> byProject = new ArrayList<>();
            counts.forEach((p, n) -> byProject.add(new ProjectCounts(p, n[0], n[1], n[2], n[3])));
            List<DueItem> dueSoon = due(c, "w.due_date >= ? AND w.due_date <= ?", today.toString(), weekAhead);
            List<DueItem> overdue = due(c, "w.due_date < ?", today.toString(), null);
            List<AgentWeek> agents = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT agent, count(*), coalesce(sum(tokens_in), 0),"
                    + " coalesce(sum(tokens_out), 0), coalesce(sum(cost), 0) FROM ai_session WHERE substr(started_at, 1, 10) >= ?"
                    + " GROUP BY agent ORDER BY agent")) {
                ps.setString(1, weekAgo);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        agents.add(new AgentWeek(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5)));
                    }
                }
            }
            return new Overview(true, store.where(), byProject, new ProjectCounts(null, total[0], total[1], total[2], total[3]),
                    dueSoon, overdue, agents, backup);
        });
    }

    private static List<DueItem> due(Connection c, String condition, String a, String b) throws SQLException {
        List<DueItem> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT w.id, p.name, w.title, w.status, w.due_date FROM work_item w"
                + " LEFT JOIN project p ON p.id = w.project_id WHERE w.status <> 'done' AND w.due_date IS NOT NULL AND "
                + condition + " ORDER BY w.due_date, w.id")) {
            ps.setString(1, a);
            if (b != null) {
                ps.setString(2, b);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DueItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    private BackupAge backupAge(Instant now) {
        Path newest = store.newestBackup();
        if (newest == null) {
            return new BackupAge(null, null);
        }
        try {
            Instant at = Files.getLastModifiedTime(newest).toInstant();
            double hours = Math.round(Duration.between(at, now).toMinutes() / 6.0) / 10.0;
            return new BackupAge(newest.toString(), hours);
        } catch (IOException e) {
            return new BackupAge(newest.toString(), null);
        }
    }

    /** Sessions of one day, agent and model, summed. */
    public record SessionDay(String day, String agent, String model, long sessions, long tokensIn, long tokensOut,
                             double cost) {
    }

    /** Sessions per day, agent and model from {@code from} to {@code to} (both included), oldest first. */
    public List<SessionDay> sessionDays(LocalDate from, LocalDate to, String agent) {
        if (!exists()) {
            return List.of();
        }
        return store.read(c -> {
            List<SessionDay> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT substr(started_at, 1, 10) AS day, agent, model, count(*),"
                    + " coalesce(sum(tokens_in), 0), coalesce(sum(tokens_out), 0), coalesce(sum(cost), 0) FROM ai_session"
                    + " WHERE substr(started_at, 1, 10) >= ? AND substr(started_at, 1, 10) <= ?"
                    + (agent == null ? "" : " AND agent = ?")
                    + " GROUP BY substr(started_at, 1, 10), agent, model ORDER BY 1, 2, 3")) {
                ps.setString(1, from.toString());
                ps.setString(2, to.toString());
                if (agent != null) {
                    ps.setString(3, agent);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SessionDay(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getDouble(7)));
                    }
                }
            }
            return out;
        });
    }

    /** The newest sessions (the table under the charts). */
    public List<Sessions.SessionRow> recentSessions(String agent, int limit) {
        return exists() ? new Sessions(store).list(null, agent, false, limit) : List.of();
    }

    public List<ProjectRow> projects() {
        return exists() ? new Projects(store).list(false) : List.of();
    }

    /** One item with its children, linked sessions and the idea it came from. */
    public record ItemView(WorkItemRow item, List<WorkItemRow> children, List<Sessions.SessionRow> sessions,
                           Ideas.IdeaRow idea) {
    }

    /** The item, or an exit-2 error naming the id when there is no such item. */
    public ItemView item(long id) {
        WorkItems.Details d = new WorkItems(store).show(id);
        List<Sessions.SessionRow> sessions = new ArrayList<>();
        if (!d.sessions().isEmpty()) {
            for (Sessions.SessionRow s : new Sessions(store).list(null, null, false, 0)) {
                if (d.sessions().contains(s.id())) {
                    sessions.add(s);
                }
            }
        }
        Ideas.IdeaRow idea = d.fromIdea() == null ? null : new Ideas(store).show(d.fromIdea());
        return new ItemView(d.item(), d.children(), sessions, idea);
    }
}
