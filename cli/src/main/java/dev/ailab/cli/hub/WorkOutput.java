package dev.ailab.cli.hub;

import dev.ailab.cli.TextTable;
import dev.ailab.hub.WorkItemRow;
import java.io.PrintWriter;
import java.util.List;

/** Text forms of work items shared by the work commands. */
final class WorkOutput {
    private WorkOutput() {
    }

    /**
     * The list table. Narrow terminals drop the less important columns first (labels and due
     * below 100 columns, project below 72) so the title keeps a readable width.
     */
    static void table(PrintWriter out, List<WorkItemRow> rows, int width) {
        boolean wide = width >= 100;
        boolean medium = width >= 72;
        TextTable t = wide ? new TextTable("ID", "STATUS", "PRI", "DUE", "PROJECT", "LABELS", "TITLE")
                : medium ? new TextTable("ID", "STATUS", "PRI", "PROJECT", "TITLE")
                : new TextTable("ID", "STATUS", "PRI", "TITLE");
        for (WorkItemRow r : rows) {
            if (wide) {
                t.row(r.id(), r.status(), r.priority(), r.due(), r.project(), String.join(",", r.labels()), r.title());
            } else if (medium) {
                t.row(r.id(), r.status(), r.priority(), r.project(), r.title());
            } else {
                t.row(r.id(), r.status(), r.priority(), r.title());
            }
        }
        t.print(out, width);
    }

    static void details(PrintWriter out, WorkItemRow r) {
        out.println("#" + r.id() + "  " + r.title());
        line(out, "status", r.status());
        line(out, "priority", r.priority());
        line(out, "project", r.project());
        line(out, "labels", r.labels().isEmpty() ? null : String.join(", ", r.labels()));
        line(out, "assignee", r.assignee());
        line(out, "due", r.due());
        line(out, "parent", r.parent() == null ? null : "#" + r.parent());
        line(out, "external", r.externalRef());
        line(out, "created", r.created());
        line(out, "updated", r.updated());
        if (r.body() != null && !r.body().isBlank()) {
            out.println();
            out.println(r.body().stripTrailing());
        }
        out.flush();
    }

    static void line(PrintWriter out, String key, Object value) {
        if (value != null) {
            out.printf("%-10s %s%n", key + ":", value);
        }
    }
}
