package dev.ailab.hub;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code work add} and {@code work import} insert. Nulls take defaults (status todo,
 * priority normal, timestamps now). {@code project} is a project name; an unknown name makes a
 * bare project entry (register its folder later).
 */
public record NewWorkItem(String title, String body, String project, WorkStatus status, Priority priority,
                          List<String> labels, String assignee, LocalDate due, Long parent, String externalRef,
                          Instant created, Instant updated) {

    public static NewWorkItem of(String title) {
        return new NewWorkItem(title, null, null, null, null, List.of(), null, null, null, null, null, null);
    }
}
