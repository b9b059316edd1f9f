package dev.ailab.cli.dashboard;

import dev.ailab.cli.hub.HubCommand;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.hub.dashboard.DashboardQueries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dashboard export}: one self-contained HTML file of the dashboard as of now. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the dashboard as one self-contained HTML file, readable offline.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab dashboard export --file dashboard.html", "  ai-lab dashboard export --project shop --label bug > shop.html"})
public class DashboardExportCommand extends HubCommand {
    @Option(names = "--file", paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    String file;

    @Option(names = {"-p", "--project"}, paramLabel = "NAME", description = "Only items of this project.")
    String project;

    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", description = "Only items with this label.")
    String label;

    @Option(names = "--assignee", paramLabel = "NAME", description = "Only items assigned to NAME.")
    String assignee;

    @Option(names = {"-P", "--priority"}, paramLabel = "PRIORITY", description = "Only items of this priority: low, normal, high or urgent.")
    String priority;

    @Option(names = {"-s", "--search"}, paramLabel = "TEXT", description = "Only items whose title or body contains TEXT (any case).")
    String text;

    @Override
    protected int run() throws Exception {
        Map<String, String> q = new HashMap<>();
        q.put("project", project);
        q.put("label", label);
        q.put("assignee", assignee);
        q.put("priority", priority);
        q.put("q", text);
        DashboardApi.BoardFilter filter = DashboardApi.BoardFilter.of(q);
        Clock clock = Clock.systemDefaultZone();
        String html = DashboardExport.html(new DashboardQueries(store()), filter, LocalDate.now(clock), clock.instant());
        if (file == null) {
            out().print(html);
            out().flush();
            return 0;
        }
        Path target = context().resolve(file);
        AtomicFiles.write(target, html.getBytes(StandardCharsets.UTF_8), null);
        err().println("exported the dashboard to " + target);
        err().flush();
        return 0;
    }
}
