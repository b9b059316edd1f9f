package dev.ailab.cli.hub;

import dev.ailab.cli.TextTable;
import dev.ailab.hub.ProjectRow;
import java.io.PrintWriter;
import java.util.List;

/** Project tables. */
final class ProjectOutput {
    private ProjectOutput() {
    }

    static void table(PrintWriter out, List<ProjectRow> rows, int width) {
        TextTable t = new TextTable("NAME", "OPEN", "LAST SESSION", "PROFILE", "STATE", "PATH");
        for (ProjectRow r : rows) {
            String state = r.archived() ? "archived" : r.folderMissing() ? "missing" : r.path() == null ? "unregistered" : "ok";
            t.row(r.name(), r.openItems(), r.lastSession() == null ? "" : r.lastSession().substring(0, 16).replace('T', ' '),
                    r.profile(), state, r.path());
        }
        t.print(out, width);
    }
}
