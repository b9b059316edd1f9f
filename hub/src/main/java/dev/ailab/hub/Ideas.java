package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Ideas: add, list, show, promote to a work item. Plain JDBC over the columns the {@link Idea}
 * entity maps, with the same value formats.
 */
public final class Ideas {
    private static final String SELECT = "SELECT id, title, body, tags, promoted_work_item_id, created_at FROM idea";

    private final StoreFactory store;

    public Ideas(StoreFactory store) {
        this.store = store;
    }

    /** An idea as shown and exported. */
    public record IdeaRow(long id, String title, String body, List<String> tags, Long promotedTo, String created) {
        static IdeaRow of(Idea i) {
            return new IdeaRow(i.id, i.title, i.body, List.copyOf(i.tags), i.promotedTo == null ? null : i.promotedTo.id,
                    StoreValues.instant(i.createdAt));
        }

        static IdeaRow read(ResultSet rs) throws SQLException {
            return new IdeaRow(rs.getLong(1), rs.getString(2), rs.getString(3), StoreValues.splitLabels(rs.getString(4)),
                    JdbcValues.getLong(rs, 5), rs.getString(6));
        }
    }

    public IdeaRow add(String title, String body, List<String> tags) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("an idea needs a title", "give a non-empty title");
        }
        List<String> normalized = StoreValues.labels(tags);
        String created = StoreValues.now();
        long id = store.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO idea (title, body, tags, created_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, title.strip());
                ps.setString(2, body);
                ps.setString(3, StoreValues.joinLabels(normalized));
                ps.setString(4, created);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new IdeaRow(id, title.strip(), body, List.copyOf(normalized), null, created);
    }

    /** Ideas, oldest first; {@code open} leaves out promoted ones; {@code text} searches title and body. */
    public List<IdeaRow> list(boolean open, String tag, String text) {
        List<String> tags = tag == null ? List.of() : StoreValues.labels(List.of(tag));
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (open) {
            sql.append(" AND promoted_work_item_id IS NULL");
        }
        for (String t : tags) {
            sql.append(" AND tags LIKE ?").append(JdbcValues.LIKE_ESCAPE);
            args.add(JdbcValues.labelPattern(t));
        }
        if (text != null) {
            sql.append(JdbcValues.containsText("title", "body", text, args));
        }
        sql.append(" ORDER BY id");
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                List<IdeaRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(IdeaRow.read(rs));
                    }
                }
                return rows;
            }
        });
    }

    public IdeaRow show(long id) {
        return store.read(c -> require(c, id));
    }

    /**
     * Makes a work item from the idea (title, body, tags as labels) and links it, in one
     * transaction. Promoting twice is refused with the id of the existing item; the link is set
     * only while it is still empty, so two concurrent promotions cannot both succeed.
     */
    public WorkItemRow promote(long id, String project, Priority priority) {
        return store.jdbc(c -> {
            IdeaRow idea = require(c, id);
            refuseIfPromoted(idea);
            long item = WorkItems.insert(c, new NewWorkItem(idea.title(), idea.body(), project, WorkStatus.todo,
                    priority == null ? Priority.normal : priority, idea.tags(), null, null, null, null, null, null),
                    new HashMap<>());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE idea SET promoted_work_item_id = ? WHERE id = ? AND promoted_work_item_id IS NULL")) {
                ps.setLong(1, item);
                ps.setLong(2, id);
                if (ps.executeUpdate() == 0) {
                    refuseIfPromoted(require(c, id));
                }
            }
            return WorkItems.select(c, item);
        });
    }

    private static void refuseIfPromoted(IdeaRow idea) {
        if (idea.promotedTo() != null) {
            throw new InvalidInputException("idea " + idea.id() + " was already promoted to work item " + idea.promotedTo(),
                    "see it with 'ai-lab work show " + idea.promotedTo() + "'");
        }
    }

    private static IdeaRow require(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidInputException("no idea with id " + id, "list them with 'ai-lab idea list --all'");
                }
                return IdeaRow.read(rs);
            }
        }
    }
}
