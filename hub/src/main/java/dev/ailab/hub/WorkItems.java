package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Work items. The hot paths ({@link #add}, {@link #list}, {@link #show}, {@link #setStatus},
 * import and export) are plain JDBC so a command-line run never pays for Hibernate's boot;
 * {@link #update} and {@link #delete} go through the {@link WorkItem} entity. Both write the same
 * columns the same way ({@link StoreValues}); tests hold them to it on SQLite and PostgreSQL.
 */
public final class WorkItems {
    static final String SELECT = "SELECT w.id, p.name, w.title, w.body, w.status, w.priority, w.labels, w.assignee,"
            + " w.due_date, w.parent_id, w.external_ref, w.created_at, w.updated_at"
            + " FROM work_item w LEFT JOIN project p ON p.id = w.project_id";

    private final StoreFactory store;

    public WorkItems(StoreFactory store) {
        this.store = store;
    }

    // ------------------------------------------------------------ JDBC paths

    /** Adds one item in its own transaction and returns its id. */
    public long add(NewWorkItem item) {
        validate(item, "");
        return store.jdbc(c -> insert(c, item, new HashMap<>()));
    }

    /**
     * Adds every item in one transaction: all or nothing. {@code parent} values refer to the
     * {@code fileIds} given alongside (the ids in the file) of earlier items, not to rows already
     * in the store; anything else is refused.
     * Returns the new ids in order.
     */
    public List<Long> addAll(List<NewWorkItem> items, List<Long> fileIds) {
        boolean links = items.stream().anyMatch(i -> i.parent() != null);
        if (!links && store.vendor() == StoreFactory.Vendor.SQLITE) {
            return addAllBatched(items);
        }
        return store.jdbc(c -> {
            Map<String, Long> projects = new HashMap<>();
            Map<Long, Long> idMap = new HashMap<>();
            List<Long> ids = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                NewWorkItem item = items.get(i);
                if (item.parent() != null) {
                    Long mapped = idMap.get(item.parent());
                    if (mapped == null) {
                        throw new InvalidInputException("item " + (i + 1) + " (\"" + item.title() + "\"): parent "
                                + item.parent() + " is not the id of an earlier item in the file",
                                "parents refer to the 'id' of an item listed before; nothing was imported");
                    }
                    item = new NewWorkItem(item.title(), item.body(), item.project(), item.status(), item.priority(),
                            item.labels(), item.assignee(), item.due(), mapped, item.externalRef(), item.created(),
                            item.updated());
                }
                long id = insert(c, item, projects);
                ids.add(id);
                Long fileId = fileIds == null ? null : fileIds.get(i);
                if (fileId != null) {
                    idMap.put(fileId, id);
                }
            }
            return ids;
        });
    }

    /**
     * SQLite without parent links: JDBC batches of 500 in the one transaction. The transaction
     * holds SQLite's write lock from its first statement (BEGIN IMMEDIATE), so the new rows are
     * exactly those above the highest id seen at the start.
     */
    private List<Long> addAllBatched(List<NewWorkItem> items) {
        return store.jdbc(c -> {
            long before;
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM work_item");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                before = rs.getLong(1);
            }
            Map<String, Long> projects = new HashMap<>();
            String now = StoreValues.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO work_item (project_id, title, body, status, priority,"
                    + " labels, assignee, due_date, parent_id, external_ref, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)")) {
                int pending = 0;
                for (NewWorkItem item : items) {
                    validate(item, "");
                    Long projectId = null;
                    if (item.project() != null && !item.project().isBlank()) {
                        projectId = projects.get(item.project());
                        if (projectId == null) {
                            projectId = Projects.idOrCreate(c, item.project());
                            projects.put(item.project(), projectId);
                        }
                    }
                    setLong(ps, 1, projectId);
                    ps.setString(2, item.title().strip());
                    ps.setString(3, item.body());
                    ps.setString(4, (item.status() == null ? WorkStatus.todo : item.status()).name());
                    ps.setInt(5, (item.priority() == null ? Priority.normal : item.priority()).rank());
                    ps.setString(6, StoreValues.joinLabels(StoreValues.labels(item.labels())));
                    ps.setString(7, item.assignee());
                    ps.setString(8, StoreValues.date(item.due()));
                    ps.setString(9, item.externalRef());
                    String created = item.created() == null ? now : StoreValues.instant(item.created());
                    ps.setString(10, created);
                    ps.setString(11, item.updated() == null ? created : StoreValues.instant(item.updated()));
                    ps.addBatch();
                    if (++pending == 500) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            List<Long> ids = new ArrayList<>(items.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM work_item WHERE id > ? ORDER BY id")) {
                ps.setLong(1, before);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    private static void validate(NewWorkItem item, String where) {
        if (item.title() == null || item.title().isBlank()) {
            throw new InvalidInputException(where + "a work item needs a title", "give a non-empty title");
        }
    }

    private long insert(Connection c, NewWorkItem item, Map<String, Long> projectCache) throws SQLException {
        Long projectId = null;
        if (item.project() != null && !item.project().isBlank()) {
            projectId = projectCache.get(item.project());
            if (projectId == null) {
                projectId = Projects.idOrCreate(c, item.project());
                projectCache.put(item.project(), projectId);
            }
        }
        if (item.parent() != null && !exists(c, item.parent())) {
            throw new InvalidInputException("no work item with id " + item.parent() + " (given as parent)",
                    "list the ids with 'ai-lab work list --all'");
        }
        String now = StoreValues.now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO work_item (project_id, title, body, status, priority,"
                + " labels, assignee, due_date, parent_id, external_ref, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            setLong(ps, 1, projectId);
            ps.setString(2, item.title().strip());
            ps.setString(3, item.body());
            ps.setString(4, (item.status() == null ? WorkStatus.todo : item.status()).name());
            ps.setInt(5, (item.priority() == null ? Priority.normal : item.priority()).rank());
            ps.setString(6, StoreValues.joinLabels(StoreValues.labels(item.labels())));
            ps.setString(7, item.assignee());
            ps.setString(8, StoreValues.date(item.due()));
            setLong(ps, 9, item.parent());
            ps.setString(10, item.externalRef());
            String created = item.created() == null ? now : StoreValues.instant(item.created());
            ps.setString(11, created);
            ps.setString(12, item.updated() == null ? created : StoreValues.instant(item.updated()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static boolean exists(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM work_item WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Columns of a listing table: the rest of a row (body, assignee, parent, reference, times) is left null. */
    static final String SELECT_SUMMARY = "SELECT w.id, p.name, w.title, w.status, w.priority, w.labels, w.due_date"
            + " FROM work_item w LEFT JOIN project p ON p.id = w.project_id";

    /** The items that match, in the requested order. */
    public List<WorkItemRow> list(WorkFilter filter) {
        List<WorkItemRow> rows = new ArrayList<>();
        each(filter, rows::add);
        return rows;
    }

    /**
     * The items that match with only what a listing table shows (id, project, title, status,
     * priority, labels, due date); the other fields are null. Half the columns to read, which is
     * most of the query's cost on a large store.
     */
    public List<WorkItemRow> summaries(WorkFilter filter) {
        List<WorkItemRow> rows = new ArrayList<>();
        query(SELECT_SUMMARY, filter, rs -> rows.add(summary(rs)));
        return rows;
    }

    /** Streams matching rows to {@code sink} (export of large stores without a big list). */
    public void each(WorkFilter filter, Consumer<WorkItemRow> sink) {
        query(SELECT, filter, rs -> sink.accept(row(rs)));
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String select, WorkFilter filter, RowReader reader) {
        StringBuilder sql = new StringBuilder(select).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.statuses.size() < WorkStatus.values().length) {
            sql.append(" AND w.status IN (");
            String sep = "";
            for (WorkStatus s : filter.statuses) {
                sql.append(sep).append('?');
                args.add(s.name());
                sep = ", ";
            }
            sql.append(')');
        }
        if (filter.label != null) {
            for (String l : StoreValues.labels(List.of(filter.label))) {
                sql.append(" AND w.labels LIKE ?");
                args.add("%," + l + ",%");
            }
        }
        if (filter.project != null) {
            sql.append(" AND p.name = ?");
            args.add(filter.project);
        }
        if (filter.assignee != null) {
            sql.append(" AND w.assignee = ?");
            args.add(filter.assignee);
        }
        if (filter.text != null) {
            sql.append(" AND (lower(w.title) LIKE ? OR lower(coalesce(w.body, '')) LIKE ?)");
            String pattern = "%" + filter.text.toLowerCase(java.util.Locale.ROOT) + "%";
            args.add(pattern);
            args.add(pattern);
        }
        if (filter.dueBefore != null) {
            sql.append(" AND w.due_date IS NOT NULL AND w.due_date < ?");
            args.add(StoreValues.date(filter.dueBefore));
        }
        sql.append(" ORDER BY ");
        String[] terms = filter.sort.sql.split(", ");
        for (int i = 0; i < terms.length; i++) {
            String t = terms[i];
            if (filter.descending) {
                t = t.endsWith(" DESC") ? t.substring(0, t.length() - 5) : t + " DESC";
            }
            sql.append(i == 0 ? "" : ", ").append(t);
        }
        if (filter.limit > 0) {
            sql.append(" LIMIT ").append(filter.limit);
        }
        store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, (String) args.get(i));
                }
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
            return null;
        });
    }

    private static WorkItemRow summary(ResultSet rs) throws SQLException {
        return new WorkItemRow(rs.getLong(1), rs.getString(2), rs.getString(3), null, rs.getString(4),
                Priority.ofRank(rs.getInt(5)).name(), StoreValues.splitLabels(rs.getString(6)), null,
                rs.getString(7), null, null, null, null);
    }

    static WorkItemRow row(ResultSet rs) throws SQLException {
        long parent = rs.getLong(10);
        Long parentId = rs.wasNull() ? null : parent;
        return new WorkItemRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Priority.ofRank(rs.getInt(6)).name(), StoreValues.splitLabels(rs.getString(7)), rs.getString(8),
                rs.getString(9), parentId, rs.getString(11), rs.getString(12), rs.getString(13));
    }

    /** Sets the status of one item; unknown id is exit 2. Returns the updated row. */
    public WorkItemRow setStatus(long id, WorkStatus status) {
        return store.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE work_item SET status = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setString(2, StoreValues.now());
                ps.setLong(3, id);
                if (ps.executeUpdate() == 0) {
                    throw unknown(id);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE w.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return row(rs);
                }
            }
        });
    }

    public long count() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM work_item"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // ------------------------------------------------------------ Hibernate paths

    /** One item with what hangs off it: children, linked sessions, the idea it came from. */
    public record Details(WorkItemRow item, List<WorkItemRow> children, List<Long> sessions, Long fromIdea) {
    }

    /**
     * Plain SQL too (four indexed look-ups): {@code work show} is a read a person runs as often
     * as {@code work list}, so it should not pay for Hibernate's boot either.
     */
    public Details show(long id) {
        return store.read(c -> {
            WorkItemRow item;
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE w.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw unknown(id);
                    }
                    item = row(rs);
                }
            }
            List<WorkItemRow> children = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE w.parent_id = ? ORDER BY w.id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        children.add(row(rs));
                    }
                }
            }
            List<Long> sessions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT session_id FROM ai_session_work_item WHERE work_item_id = ? ORDER BY session_id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sessions.add(rs.getLong(1));
                    }
                }
            }
            Long idea = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM idea WHERE promoted_work_item_id = ? ORDER BY id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        idea = rs.getLong(1);
                    }
                }
            }
            return new Details(item, children, sessions, idea);
        });
    }

    /** Changes to apply in {@link #update}; null means leave as is, {@link #CLEAR} empties a text field. */
    public static final class Changes {
        public static final String CLEAR = "\u0000clear";
        public String title;
        public String body;
        public String project;
        public WorkStatus status;
        public Priority priority;
        public List<String> addLabels = List.of();
        public List<String> removeLabels = List.of();
        public String assignee;
        public String due; // yyyy-MM-dd or CLEAR
        public Long parent; // 0 clears
        public String externalRef;

        public boolean empty() {
            return title == null && body == null && project == null && status == null && priority == null
                    && addLabels.isEmpty() && removeLabels.isEmpty() && assignee == null && due == null
                    && parent == null && externalRef == null;
        }
    }

    public WorkItemRow update(long id, Changes ch) {
        List<String> add = StoreValues.labels(ch.addLabels);
        List<String> remove = StoreValues.labels(ch.removeLabels);
        return store.hibernate(s -> {
            WorkItem w = s.find(WorkItem.class, id);
            if (w == null) {
                throw unknown(id);
            }
            if (ch.title != null) {
                if (ch.title.isBlank() || ch.title.equals(Changes.CLEAR)) {
                    throw new InvalidInputException("a work item needs a title", "give a non-empty --title");
                }
                w.title = ch.title.strip();
            }
            if (ch.body != null) {
                w.body = clear(ch.body);
            }
            if (ch.project != null) {
                if (ch.project.equals(Changes.CLEAR)) {
                    w.project = null;
                } else {
                    w.project = Projects.findOrCreate(s, ch.project);
                }
            }
            if (ch.status != null) {
                w.status = ch.status;
            }
            if (ch.priority != null) {
                w.priority = ch.priority;
            }
            if (!add.isEmpty() || !remove.isEmpty()) {
                List<String> labels = new ArrayList<>(w.labels);
                labels.removeAll(remove);
                for (String l : add) {
                    if (!labels.contains(l)) {
                        labels.add(l);
                    }
                }
                w.labels = labels;
            }
            if (ch.assignee != null) {
                w.assignee = clear(ch.assignee);
            }
            if (ch.due != null) {
                w.dueDate = ch.due.equals(Changes.CLEAR) ? null : StoreValues.date(ch.due);
            }
            if (ch.parent != null) {
                if (ch.parent == 0) {
                    w.parent = null;
                } else {
                    if (ch.parent == id) {
                        throw new InvalidInputException("a work item cannot be its own parent", null);
                    }
                    WorkItem parent = s.find(WorkItem.class, ch.parent);
                    if (parent == null) {
                        throw new InvalidInputException("no work item with id " + ch.parent + " (given as parent)",
                                "list the ids with 'ai-lab work list --all'");
                    }
                    for (WorkItem p = parent; p != null; p = p.parent) {
                        if (p.id == id) {
                            throw new InvalidInputException("work item " + ch.parent + " is below " + id
                                    + "; making it the parent would make a loop", null);
                        }
                    }
                    w.parent = parent;
                }
            }
            if (ch.externalRef != null) {
                w.externalRef = clear(ch.externalRef);
            }
            w.updatedAt = Instant.now();
            s.flush();
            return WorkItemRow.of(w);
        });
    }

    private static String clear(String value) {
        return value.equals(Changes.CLEAR) ? null : value;
    }

    /** Deletes one item; its children lose their parent, session links go. Returns what was deleted. */
    public WorkItemRow delete(long id) {
        return store.hibernate(s -> {
            WorkItem w = s.find(WorkItem.class, id);
            if (w == null) {
                throw unknown(id);
            }
            WorkItemRow row = WorkItemRow.of(w);
            s.remove(w);
            return row;
        });
    }

    /** Reads one item without its relations (for a confirmation prompt). */
    public WorkItemRow get(long id) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE w.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw unknown(id);
                    }
                    return row(rs);
                }
            }
        });
    }

    static InvalidInputException unknown(long id) {
        return new InvalidInputException("no work item with id " + id, "list the ids with 'ai-lab work list --all'");
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
