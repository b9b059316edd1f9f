package dev.ailab.cli.vectorweight;

import dev.ailab.core.diff.UnifiedDiff;
import dev.ailab.deployment.state.FileAction;
import dev.ailab.deployment.state.FileChange;
import dev.ailab.deployment.state.Plan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text and JSON forms of a plan, shared by plan and generate. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static String word(FileAction a) {
        return switch (a) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case UNCHANGED -> "unchanged";
            case DELETE -> "delete";
            case CONFLICT -> "conflict";
            case FORGET -> "gone";
        };
    }

    static String note(FileChange c) {
        return switch (c.action()) {
            case DELETE -> "  (stale: no longer generated, unchanged since written)";
            case CONFLICT -> c.stale() ? "  (stale, but edited by hand: kept)"
                    : c.current() != null && c.wanted() != null ? "  (edited by hand since the last generate)" : "";
            case FORGET -> "  (stale, already deleted)";
            default -> "";
        };
    }

    static void text(PrintWriter out, Plan plan, boolean showUnchanged, boolean diff) {
        for (FileChange c : plan.changes()) {
            if (c.action() == FileAction.UNCHANGED && !showUnchanged) {
                continue;
            }
            out.printf("%-9s %s%s%n", word(c.action()), c.path(), note(c));
            if (diff && c.action() != FileAction.UNCHANGED && c.action() != FileAction.FORGET) {
                String d = UnifiedDiff.forPath(c.path(), c.current(), c.wanted());
                if (!d.isEmpty()) {
                    out.print(d);
                }
            }
        }
        out.println(summary(plan));
    }

    static String summary(Plan plan) {
        Map<FileAction, Integer> n = plan.counts();
        return n.get(FileAction.CREATE) + " to create, " + n.get(FileAction.UPDATE) + " to update, "
                + n.get(FileAction.UNCHANGED) + " unchanged, " + n.get(FileAction.DELETE) + " to delete, "
                + n.get(FileAction.CONFLICT) + " conflict" + (n.get(FileAction.CONFLICT) == 1 ? "" : "s");
    }

    static Map<String, Object> json(Plan plan) {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        plan.counts().forEach((a, v) -> counts.put(word(a), v));
        result.put("counts", counts);
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileChange c : plan.changes()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", c.path());
            f.put("action", word(c.action()).toLowerCase(Locale.ROOT));
            if (c.action() == FileAction.CONFLICT) {
                f.put("stale", c.stale());
            }
            files.add(f);
        }
        result.put("files", files);
        return result;
    }
}
