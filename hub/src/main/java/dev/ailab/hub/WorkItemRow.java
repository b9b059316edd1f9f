package dev.ailab.hub;

import java.util.List;

/**
 * A work item as the commands show and export it: plain values, stable names, timestamps as
 * ISO-8601 text. The same shape is read back by {@code work import}.
 */
public record WorkItemRow(long id, String project, String title, String body, String status, String priority,
                          List<String> labels, String assignee, String due, Long parent, String externalRef,
                          String created, String updated) {

    static WorkItemRow of(WorkItem w) {
        return new WorkItemRow(w.id, w.project == null ? null : w.project.name, w.title, w.body, w.status.name(),
                w.priority.name(), List.copyOf(w.labels), w.assignee, StoreValues.date(w.dueDate),
                w.parent == null ? null : w.parent.id, w.externalRef, StoreValues.instant(w.createdAt),
                StoreValues.instant(w.updatedAt));
    }
}
