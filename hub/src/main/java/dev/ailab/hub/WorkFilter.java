package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Filters and order of {@code work list}. By default every item that is not done, by id. */
public final class WorkFilter {
    /** Sort keys and the SQL they sort by. */
    public enum Sort {
        id("w.id"), priority("w.priority DESC, w.id"), due("CASE WHEN w.due_date IS NULL THEN 1 ELSE 0 END, w.due_date, w.id"),
        created("w.created_at, w.id"), updated("w.updated_at, w.id"), status("w.status, w.id"), title("lower(w.title), w.id"),
        project("p.name, w.id");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }

        public static Sort parse(String word) {
            for (Sort s : values()) {
                if (s.name().equals(word.toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
            throw new InvalidInputException("invalid sort key '" + word + "'",
                    "use one of: id, priority, due, created, updated, status, title, project");
        }
    }

    public Set<WorkStatus> statuses = EnumSet.of(WorkStatus.todo, WorkStatus.doing, WorkStatus.blocked);
    public String label;
    public String project;
    public String text;
    public LocalDate dueBefore;
    public String assignee;
    public Sort sort = Sort.id;
    public boolean descending;
    public int limit;

    public WorkFilter all() {
        statuses = EnumSet.allOf(WorkStatus.class);
        return this;
    }
}
