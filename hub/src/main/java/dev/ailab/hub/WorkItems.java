package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.io.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Work items, in plain JDBC throughout so a command-line run never pays for Hibernate's boot.
 * The {@link WorkItem} entity maps the same columns with the same value formats
 * ({@link StoreValues}); the store contract holds the two to the same rows on SQLite and
 * PostgreSQL.
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

    /** What an import did: the new ids in order, and the items left out as already there. */
    public record ImportResult(List<Long> ids, List<Skipped> skipped) {
    }

    /**
     * An item of the file that is already in the store: {@code item} is its 1-based place in
     * the file, {@code existingId} the row it matches (same external_ref, or same title,
     * project, body and, when the file gives one, creation time).
     */
    public record Skipped(int item, String title, String externalRef, long existingId) {
    }

    /** Adds every item in one transaction, duplicates included; returns the new ids in order. */
    public List<Long> addAll(List<NewWorkItem> items, List<Long> fileIds) {
        return importAll(items, fileIds, true).ids();
    }

    /**
     * Adds every item in one transaction: all or nothing. {@code parent} values refer to the
     * {@code fileIds} given alongside (the ids in the file) of earlier items, not to rows already
     * in the store; anything else is refused. Unless {@code allowDuplicates}, an item that is
     * already in the store (see {@link Skipped}) is left out and reported, and a later item
     * whose parent it is gets the existing row as parent: importing a file twice adds nothing.
     */
    public ImportResult importAll(List<NewWorkItem> items, List<Long> fileIds, boolean allowDuplicates) {
        return importAll(items, fileIds, allowDuplicates, Progress.NONE);
    }

    /** As {@link #importAll(List, List, boolean)}, reporting the items inserted on {@code progress}. */
    public ImportResult importAll(List<NewWorkItem> items, List<Long> fileIds, boolean allowDuplicates, Progress progress) {
        items.forEach(i -> validate(i, ""));
        return store.jdbc(c -> {
            Long[] existing = new Long[items.size()];
            List<Skipped> skipped = new ArrayList<>();
            if (!allowDuplicates) {
                ExistingItems known = ExistingItems.load(c);
                for (int i = 0; i < items.size(); i++) {
                    NewWorkItem item = items.get(i);
                    existing[i] = known.match(item);
                    if (existing[i] != null) {
                        skipped.add(new Skipped(i + 1, item.title().strip(), item.externalRef(), existing[i]));
                    }
                }
            }
            boolean links = items.stream().anyMatch(i -> i.parent() != null);
            try {
                List<Long> ids = !links && store.vendor() == StoreFactory.Vendor.SQLITE
                        ? insertBatched(c, items, existing, progress) : insertLinked(c, items, fileIds, existing, progress);
                progress.step(IMPORTING, items.size(), items.size());
                return new ImportResult(ids, skipped);
            } finally {
                progress.close();
            }
        });
    }

    /** One insert per item, mapping file parents to the new (or the matched existing) rows. */
    private static List<Long> insertLinked(Connection c, List<NewWorkItem> items, List<Long> fileIds, Long[] existing,
            Progress progress) throws SQLException {
        Map<String, Long> projects = new HashMap<>();
        Map<Long, Long> idMap = new HashMap<>();
        List<Long> ids = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            progress.step(IMPORTING, i, items.size());
            NewWorkItem item = items.get(i);
            Long fileId = fileIds == null ? null : fileIds.get(i);
            if (existing[i] != null) {
                if (fileId != null) {
                    idMap.put(fileId, existing[i]);
                }
                continue;
            }
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
            if (fileId != null) {
                idMap.put(fileId, id);
            }
        }
        return ids;
    }

    /**
     * SQLite without parent links: JDBC batches of 500 in the one transaction. The transaction
     * holds SQLite's write lock from its first statement (BEGIN IMMEDIATE), so the new rows are
     * exactly those above the highest id seen at the start.
     */
    private static List<Long> insertBatched(Connection c, List<NewWorkItem> items, Long[] existing, Progress progress)
            throws SQLException {
        long before;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM work_item");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            before = rs.getLong(1);
        }
        Map<String, Long> projects = new HashMap<>();
        String now = StoreValues.now();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (int i = 0; i < items.size(); i++) {
                progress.step(IMPORTING, i, items.size());
                if (existing[i] != null) {
                    continue;
                }
                bind(c, ps, items.get(i), projects, now);
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
    }

    /** The progress line's task while items are inserted. */
    private static final String IMPORTING = "importing";

    private static void validate(NewWorkItem item, String where) {
        if (item.title() == null || item.title().isBlank()) {
            throw new InvalidInputException(where + "a work item needs a title", "give a non-empty title");
        }
    }

    private static final String INSERT = "INSERT INTO work_item (project_id, title, body, status, priority,"
            + " labels, assignee, due_date, parent_id, external_ref, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Sets the twelve columns of {@link #INSERT} for {@code item}; the project's id comes from {@code projectCache} or the store. */
    private static void bind(Connection c, PreparedStatement ps, NewWorkItem item, Map<String, Long> projectCache, String now)
            throws SQLException {
        Long projectId = null;
        if (item.project() != null && !item.project().isBlank()) {
            projectId = projectCache.get(item.project());
            if (projectId == null) {
                projectId = Projects.idOrCreate(c, item.project());
                projectCache.put(item.project(), projectId);
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
        setLong(ps, 9, item.parent());
        ps.setString(10, item.externalRef());
        String created = item.created() == null ? now : StoreValues.instant(item.created());
        ps.setString(11, created);
        ps.setString(12, item.updated() == null ? created : StoreValues.instant(item.updated()));
    }

    static long insert(Connection c, NewWorkItem item, Map<String, Long> projectCache) throws SQLException {
        if (item.parent() != null && !exists(c, item.parent())) {
            throw new InvalidInputException("no work item with id " + item.parent() + " (given as parent)",
                    "list the ids with 'ai-lab work list --all'");
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT + " RETURNING id")) {
            bind(c, ps, item, projectCache, StoreValues.now());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The rows already in the store, as an import compares them: by external_ref, and by title,
     * project and body (with the creation time, when the file gives one). Read once per import.
     */
    private record ExistingItems(Map<String, Long> byRef, Map<String, Long> byContent, Map<String, Long> byContentAndTime) {
        static ExistingItems load(Connection c) throws SQLException {
            Map<String, Long> byRef = new HashMap<>();
            Map<String, Long> byContent = new HashMap<>();
            Map<String, Long> byContentAndTime = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT w.id, w.external_ref, w.title, p.name, w.body, w.created_at"
                    + " FROM work_item w LEFT JOIN project p ON p.id = w.project_id ORDER BY w.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String ref = rs.getString(2);
                    if (ref != null) {
                        byRef.putIfAbsent(ref, id);
                    }
                    String content = content(rs.getString(3), rs.getString(4), rs.getString(5));
                    byContent.putIfAbsent(content, id);
                    byContentAndTime.putIfAbsent(content + '\u0000' + rs.getString(6), id);
                }
            }
            return new ExistingItems(byRef, byContent, byContentAndTime);
        }

        Long match(NewWorkItem item) {
            if (item.externalRef() != null && !item.externalRef().isBlank()) {
                return byRef.get(item.externalRef());
            }
            String content = content(item.title().strip(), blank(item.project()), item.body());
            return item.created() == null ? byContent.get(content)
                    : byContentAndTime.get(content + '\u0000' + StoreValues.instant(item.created()));
        }

        private static String content(String title, String project, String body) {
            return title + '\u0000' + (project == null ? "" : project.strip()) + '\u0000' + (body == null ? "" : body);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s;
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

    /**
     * Streams matching rows without their bodies (null) to {@code sink}: the dashboard's board
     * shows every item but no description, and bodies are most of a large store's bytes.
     */
    public void eachWithoutBody(WorkFilter filter, Consumer<WorkItemRow> sink) {
        query(SELECT.replace("w.body,", "NULL,"), filter, rs -> sink.accept(row(rs)));
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
                sql.append(" AND w.labels LIKE ?").append(JdbcValues.LIKE_ESCAPE);
                args.add(JdbcValues.labelPattern(l));
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
            sql.append(JdbcValues.containsText("w.title", "w.body", filter.text, args));
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
        return rowFrom(rs, 0);
    }

    /** A row of {@link #SELECT}'s columns, which start after the first {@code skip} columns. */
    static WorkItemRow rowFrom(ResultSet rs, int skip) throws SQLException {
        int k = skip;
        return new WorkItemRow(rs.getLong(k + 1), rs.getString(k + 2), rs.getString(k + 3), rs.getString(k + 4),
                rs.getString(k + 5), Priority.ofRank(rs.getInt(k + 6)).name(), StoreValues.splitLabels(rs.getString(k + 7)),
                rs.getString(k + 8), rs.getString(k + 9), JdbcValues.getLong(rs, k + 10), rs.getString(k + 11),
                rs.getString(k + 12), rs.getString(k + 13));
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

    /**
     * Applies {@code ch} to one item in one transaction and returns the updated row. The row is
     * locked first (SQLite's BEGIN IMMEDIATE already holds the write lock; PostgreSQL takes a row
     * lock), so two concurrent updates of the labels cannot lose each other's change.
     */
    public WorkItemRow update(long id, Changes ch) {
        List<String> add = StoreValues.labels(ch.addLabels);
        List<String> remove = StoreValues.labels(ch.removeLabels);
        if (ch.title != null && (ch.title.isBlank() || ch.title.equals(Changes.CLEAR))) {
            throw new InvalidInputException("a work item needs a title", "give a non-empty --title");
        }
        if (ch.parent != null && ch.parent == id) {
            throw new InvalidInputException("a work item cannot be its own parent", null);
        }
        return store.jdbc(c -> {
            if (store.vendor() == StoreFactory.Vendor.POSTGRESQL) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM work_item WHERE id = ? FOR UPDATE")) {
                    ps.setLong(1, id);
                    ps.executeQuery().close();
                }
            }
            Long projectId;
            WorkItemRow w;
            try (PreparedStatement ps = c.prepareStatement("SELECT w.project_id, " + SELECT.substring("SELECT ".length())
                    + " WHERE w.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw unknown(id);
                    }
                    projectId = JdbcValues.getLong(rs, 1);
                    w = rowFrom(rs, 1);
                }
            }
            if (ch.project != null) {
                projectId = ch.project.equals(Changes.CLEAR) ? null : Projects.idOrCreate(c, ch.project);
            }
            List<String> labels = new ArrayList<>(w.labels());
            labels.removeAll(remove);
            for (String l : add) {
                if (!labels.contains(l)) {
                    labels.add(l);
                }
            }
            Long parent = w.parent();
            if (ch.parent != null) {
                parent = ch.parent == 0 ? null : checkedParent(c, id, ch.parent);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE work_item SET project_id = ?, title = ?, body = ?,"
                    + " status = ?, priority = ?, labels = ?, assignee = ?, due_date = ?, parent_id = ?, external_ref = ?,"
                    + " updated_at = ? WHERE id = ?")) {
                JdbcValues.setLong(ps, 1, projectId);
                ps.setString(2, ch.title != null ? ch.title.strip() : w.title());
                ps.setString(3, ch.body != null ? clear(ch.body) : w.body());
                ps.setString(4, ch.status != null ? ch.status.name() : w.status());
                ps.setInt(5, (ch.priority != null ? ch.priority : Priority.valueOf(w.priority())).rank());
                ps.setString(6, StoreValues.joinLabels(labels));
                ps.setString(7, ch.assignee != null ? clear(ch.assignee) : w.assignee());
                ps.setString(8, ch.due == null ? w.due()
                        : ch.due.equals(Changes.CLEAR) ? null : StoreValues.date(StoreValues.date(ch.due)));
                JdbcValues.setLong(ps, 9, parent);
                ps.setString(10, ch.externalRef != null ? clear(ch.externalRef) : w.externalRef());
                ps.setString(11, StoreValues.now());
                ps.setLong(12, id);
                ps.executeUpdate();
            }
            return select(c, id);
        });
    }

    /** {@code parent} when it exists and is not {@code id} or below it (that would make a loop). */
    private static long checkedParent(Connection c, long id, long parent) throws SQLException {
        if (!exists(c, parent)) {
            throw new InvalidInputException("no work item with id " + parent + " (given as parent)",
                    "list the ids with 'ai-lab work list --all'");
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT parent_id FROM work_item WHERE id = ?")) {
            for (Long p = parent; p != null && seen.add(p); ) {
                if (p == id) {
                    throw new InvalidInputException("work item " + parent + " is below " + id
                            + "; making it the parent would make a loop", null);
                }
                ps.setLong(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    p = rs.next() ? JdbcValues.getLong(rs, 1) : null;
                }
            }
        }
        return parent;
    }

    private static String clear(String value) {
        return value.equals(Changes.CLEAR) ? null : value;
    }

    /**
     * Deletes one item and returns what was deleted. The schema does the rest: its children lose
     * their parent, an idea promoted to it is open again, session links go.
     */
    public WorkItemRow delete(long id) {
        return store.jdbc(c -> {
            WorkItemRow row = select(c, id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM work_item WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return row;
        });
    }

    /** One full row; unknown id is exit 2. */
    static WorkItemRow select(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE w.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw unknown(id);
                }
                return row(rs);
            }
        }
    }

    /** Reads one item without its relations (for a confirmation prompt). */
    public WorkItemRow get(long id) {
        return store.read(c -> select(c, id));
    }

    static InvalidInputException unknown(long id) {
        return new InvalidInputException("no work item with id " + id, "list the ids with 'ai-lab work list --all'");
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        JdbcValues.setLong(ps, index, value);
    }
}
