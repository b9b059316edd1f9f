package dev.ailab.cli.hub;

import dev.ailab.hub.StoreValues;
import dev.ailab.hub.WorkFilter;
import dev.ailab.hub.WorkStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Option;

/** Filters and sorting shared by {@code work list}, {@code work export} and {@code dashboard export}. */
public class WorkFilterOptions {
    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only these statuses: todo, doing, blocked, done (repeat or comma-separate). Default: all but done.")
    List<String> statuses = new ArrayList<>();

    @Option(names = {"-a", "--all"}, description = "Include done items.")
    boolean all;

    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", description = "Only items with this label.")
    String label;

    @Option(names = {"-p", "--project"}, paramLabel = "NAME", description = "Only items of this project.")
    String project;

    @Option(names = {"-s", "--search"}, paramLabel = "TEXT", description = "Only items whose title or body contains TEXT (any case).")
    String text;

    @Option(names = "--due-before", paramLabel = "DATE", description = "Only items due before DATE (YYYY-MM-DD, today, tomorrow, +3d, +2w).")
    String dueBefore;

    @Option(names = "--assignee", paramLabel = "NAME", description = "Only items assigned to NAME (a person or an agent).")
    String assignee;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "id",
            description = "Order by id, priority, due, created, updated, status, title or project (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--reverse", description = "Reverse the order.")
    boolean reverse;

    @Option(names = "--limit", paramLabel = "N", description = "At most N items.")
    int limit;

    public WorkFilter toFilter(boolean allByDefault) {
        WorkFilter f = new WorkFilter();
        if (all || allByDefault) {
            f.all();
        }
        if (!statuses.isEmpty()) {
            EnumSet<WorkStatus> set = EnumSet.noneOf(WorkStatus.class);
            for (String s : statuses) {
                if (s.equalsIgnoreCase("all")) {
                    set.addAll(EnumSet.allOf(WorkStatus.class));
                } else {
                    set.add(WorkStatus.parse(s));
                }
            }
            f.statuses = set;
        }
        f.label = label;
        f.project = project;
        f.text = text;
        f.assignee = assignee;
        if (dueBefore != null) {
            f.dueBefore = StoreValues.parseDate(dueBefore, LocalDate.now());
        }
        f.sort = WorkFilter.Sort.parse(sort);
        f.descending = reverse;
        if (limit < 0) {
            throw new dev.ailab.core.error.InvalidInputException("invalid --limit " + limit, "give a positive number");
        }
        f.limit = limit;
        return f;
    }
}
