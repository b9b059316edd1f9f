package dev.ailab.hub;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the GitHub issue sync keeps in the hub's store (migration V2): the base (last agreed
 * state) of each synced item, field by field; open conflicts; per repository the listing
 * checkpoint, the ETag of the last conditional listing and the sync lock; webhook delivery ids.
 * The sync logic itself lives in {@code integrations}; this class only reads and writes rows,
 * and {@link #apply} writes a page of local changes together with their bases in one transaction.
 */
public final class GithubSyncStore {
    private final StoreFactory store;

    public GithubSyncStore(StoreFactory store) {
        this.store = store;
    }

    /** The synced fields of one side, normalised: labels sorted, empty text as null. */
    public record Fields(String title, String body, String status, List<String> labels, String assignee, String due) {
        public Fields {
            body = body == null || body.isEmpty() ? null : body;
            assignee = assignee == null || assignee.isEmpty() ? null : assignee;
            due = due == null || due.isEmpty() ? null : due;
            labels = labels == null ? List.of() : labels.stream().distinct().sorted().toList();
        }
    }

    /**
     * A synced item's base: the issue it is linked to and the last state both sides agreed on.
     * A pending creation (an issue asked for but not yet recorded) has no issue number, and
     * keeps in {@code remoteUpdatedAt} the marker written into the new issue's body, so the next
     * run links the issue it finds with that marker instead of creating a second one.
     */
    public record Base(long itemId, String repository, Long issueNumber, Fields fields, String remoteUpdatedAt) {
        public String pendingMarker() {
            return issueNumber == null ? remoteUpdatedAt : null;
        }
    }

    /** A local work item of the synced project. */
    public record LocalItem(long id, Fields fields, String externalRef) {
    }

    /** One field changed differently on both sides. */
    public record Conflict(long itemId, Long issueNumber, String field, String local, String remote) {
    }

    /** Per repository: listing checkpoint and the last conditional listing. */
    public record State(String repository, String since, long pagesDone, String etagUrl, String etag, String etagBody) {
    }

    /**
     * One item's outcome of a page: the local fields to write (null: leave the item alone), the
     * new base (null: keep it), the conflicts now open for it (replacing earlier ones).
     * {@code itemId} null makes a new local item in {@code project}.
     */
    public record Write(Long itemId, String project, Fields local, Fields base, Long issueNumber, String externalRef,
                        String remoteUpdatedAt, List<Conflict> conflicts) {
    }

    // ------------------------------------------------------------ lock

    /**
     * Takes the sync lock of {@code repository} for {@code holder}; a lock older than
     * {@code stale} (a crashed run) is taken over. Returns null when taken, else who holds it
     * and since when.
     */
    public String lock(String repository, String holder, Duration stale) {
        return store.jdbc(c -> {
            ensureState(c, repository);
            // one conditional UPDATE, so two runs that ask at once cannot both see the lock free
            String now = StoreValues.now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE github_sync_state SET locked_by = ?, locked_at = ?"
                    + " WHERE repository = ? AND (locked_by IS NULL OR locked_at IS NULL OR locked_at < ?)")) {
                ps.setString(1, holder);
                ps.setString(2, now);
                ps.setString(3, repository);
                ps.setString(4, StoreValues.instant(Instant.now().minus(stale)));
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT locked_by, locked_at FROM github_sync_state WHERE repository = ?")) {
                ps.setString(1, repository);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1) + " since " + rs.getString(2);
                }
            }
        });
    }

    public void unlock(String repository, String holder) {
        store.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE github_sync_state SET locked_by = NULL, locked_at = NULL WHERE repository = ? AND locked_by = ?")) {
                ps.setString(1, repository);
                ps.setString(2, holder);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The repository's state row; as the first statement it also takes SQLite's write lock, so the reads after it are current. */
    private static void ensureState(Connection c, String repository) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO github_sync_state (repository, pages_done) VALUES (?, 0)"
                + " ON CONFLICT (repository) DO NOTHING")) {
            ps.setString(1, repository);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------ reads

    public State state(String repository) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT since, pages_done, etag_url, etag, etag_body"
                    + " FROM github_sync_state WHERE repository = ?")) {
                ps.setString(1, repository);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new State(repository, null, 0, null, null, null);
                    }
                    return new State(repository, rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5));
                }
            }
        });
    }

    /** Keeps the ETag and body of a conditional listing, so the next identical request can be a 304. */
    public void saveEtag(String repository, String url, String etag, String body) {
        store.jdbc(c -> {
            ensureState(c, repository);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE github_sync_state SET etag_url = ?, etag = ?, etag_body = ? WHERE repository = ?")) {
                ps.setString(1, url);
                ps.setString(2, etag);
                ps.setString(3, body);
                ps.setString(4, repository);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String BASE_COLUMNS = "work_item_id, repository, issue_number, title, body, status, labels,"
            + " assignee, due_date, remote_updated_at FROM github_sync_base";

    /** Every base of {@code repository}, by issue number (pending creations, without a number, by negative item id). */
    public Map<Long, Base> bases(String repository) {
        return store.read(c -> {
            Map<Long, Base> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + BASE_COLUMNS + " WHERE repository = ?")) {
                ps.setString(1, repository);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Base b = base(rs);
                        out.put(b.issueNumber() == null ? -b.itemId() : b.issueNumber(), b);
                    }
                }
            }
            return out;
        });
    }

    public Base baseOf(long itemId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + BASE_COLUMNS + " WHERE work_item_id = ?")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? base(rs) : null;
                }
            }
        });
    }

    private static Base base(ResultSet rs) throws SQLException {
        return new Base(rs.getLong(1), rs.getString(2), JdbcValues.getLong(rs, 3),
                new Fields(rs.getString(4), rs.getString(5), rs.getString(6), StoreValues.splitLabels(rs.getString(7)),
                        rs.getString(8), rs.getString(9)), rs.getString(10));
    }

    /** The work items of {@code project}, by id. */
    public Map<Long, LocalItem> localItems(String project) {
        return store.read(c -> {
            Map<Long, LocalItem> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT w.id, w.title, w.body, w.status, w.labels, w.assignee,"
                    + " w.due_date, w.external_ref FROM work_item w JOIN project p ON p.id = w.project_id WHERE p.name = ?"
                    + " ORDER BY w.id")) {
                ps.setString(1, project);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new LocalItem(rs.getLong(1), new Fields(rs.getString(2), rs.getString(3),
                                rs.getString(4), StoreValues.splitLabels(rs.getString(5)), rs.getString(6),
                                rs.getString(7)), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    /** Open conflicts of {@code repository} (every repository when null), by item then field. */
    public List<Conflict> conflicts(String repository) {
        return store.read(c -> {
            List<Conflict> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.work_item_id, b.issue_number, k.field, k.local_value,"
                    + " k.remote_value FROM github_sync_conflict k LEFT JOIN github_sync_base b ON b.work_item_id = k.work_item_id"
                    + (repository == null ? "" : " WHERE b.repository = ?") + " ORDER BY k.work_item_id, k.field")) {
                if (repository != null) {
                    ps.setString(1, repository);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Conflict(rs.getLong(1), JdbcValues.getLong(rs, 2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------ writes

    /**
     * Applies one page in one transaction: local items written or created, their bases and
     * conflicts, and the repository's checkpoint ({@code since} and pages done; null keeps it).
     * Returns the ids of the items written, in order (new ones included).
     */
    public List<Long> apply(String repository, List<Write> writes, String since, Long pagesDone) {
        return store.jdbc(c -> {
            List<Long> ids = new ArrayList<>(writes.size());
            Map<String, Long> projects = new HashMap<>();
            for (Write w : writes) {
                long id;
                if (w.itemId() == null) {
                    Fields f = w.local();
                    id = WorkItems.insert(c, new NewWorkItem(f.title(), f.body(), w.project(), WorkStatus.valueOf(f.status()),
                            null, f.labels(), f.assignee(), StoreValues.date(f.due()), null, w.externalRef(), null, null),
                            projects);
                } else {
                    id = w.itemId();
                    if (w.local() != null) {
                        updateLocal(c, id, w.local(), w.externalRef());
                    } else if (w.externalRef() != null) {
                        try (PreparedStatement ps = c.prepareStatement("UPDATE work_item SET external_ref = ? WHERE id = ?")) {
                            ps.setString(1, w.externalRef());
                            ps.setLong(2, id);
                            ps.executeUpdate();
                        }
                    }
                }
                if (w.base() != null) {
                    upsertBase(c, id, repository, w.issueNumber(), w.base(), w.remoteUpdatedAt());
                }
                if (w.conflicts() != null) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM github_sync_conflict WHERE work_item_id = ?")) {
                        ps.setLong(1, id);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO github_sync_conflict (work_item_id, field,"
                            + " local_value, remote_value, found_at) VALUES (?, ?, ?, ?, ?)")) {
                        for (Conflict k : w.conflicts()) {
                            ps.setLong(1, id);
                            ps.setString(2, k.field());
                            ps.setString(3, k.local());
                            ps.setString(4, k.remote());
                            ps.setString(5, StoreValues.now());
                            ps.executeUpdate();
                        }
                    }
                }
                ids.add(id);
            }
            if (since != null || pagesDone != null) {
                ensureState(c, repository);
                try (PreparedStatement ps = c.prepareStatement("UPDATE github_sync_state SET since = coalesce(?, since),"
                        + " pages_done = coalesce(?, pages_done) WHERE repository = ?")) {
                    ps.setString(1, since);
                    JdbcValues.setLong(ps, 2, pagesDone);
                    ps.setString(3, repository);
                    ps.executeUpdate();
                }
            }
            return ids;
        });
    }

    private static void updateLocal(Connection c, long id, Fields f, String externalRef) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE work_item SET title = ?, body = ?, status = ?, labels = ?,"
                + " assignee = ?, due_date = ?, external_ref = coalesce(?, external_ref), updated_at = ? WHERE id = ?")) {
            ps.setString(1, f.title());
            ps.setString(2, f.body());
            ps.setString(3, f.status());
            ps.setString(4, StoreValues.joinLabels(f.labels()));
            ps.setString(5, f.assignee());
            ps.setString(6, f.due());
            ps.setString(7, externalRef);
            ps.setString(8, StoreValues.now());
            ps.setLong(9, id);
            if (ps.executeUpdate() == 0) {
                throw WorkItems.unknown(id);
            }
        }
    }

    private static void upsertBase(Connection c, long id, String repository, Long number, Fields f, String remoteUpdated)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM github_sync_base WHERE work_item_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO github_sync_base (work_item_id, repository, issue_number,"
                + " title, body, status, labels, assignee, due_date, remote_updated_at, synced_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, repository);
            JdbcValues.setLong(ps, 3, number);
            ps.setString(4, f.title());
            ps.setString(5, f.body());
            ps.setString(6, f.status());
            ps.setString(7, StoreValues.joinLabels(f.labels()));
            ps.setString(8, f.assignee());
            ps.setString(9, f.due());
            ps.setString(10, remoteUpdated);
            ps.setString(11, StoreValues.now());
            ps.executeUpdate();
        }
    }

    /**
     * Records a webhook delivery id; false when it was seen before (a replay). The primary key
     * makes two concurrent deliveries of one id end with exactly one true.
     */
    public boolean recordDelivery(String deliveryId, String event) {
        try {
            return store.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM github_delivery WHERE delivery_id = ?")) {
                    ps.setString(1, deliveryId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return false;
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO github_delivery (delivery_id, event, received_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, deliveryId);
                    ps.setString(2, event);
                    ps.setString(3, StoreValues.now());
                    ps.executeUpdate();
                }
                return true;
            });
        } catch (RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("unique")) {
                return false;
            }
            throw e;
        }
    }
}
