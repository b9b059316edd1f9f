package dev.ailab.cli.dashboard;

import dev.ailab.cli.host.HostProbe;
import dev.ailab.cli.hub.HubCommand;
import dev.ailab.cli.hub.WorkFilterOptions;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.hub.Priority;
import dev.ailab.hub.dashboard.DashboardQueries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dashboard export}: one self-contained HTML file of the dashboard as of now. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the dashboard as one self-contained HTML file, readable offline.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab dashboard export --file dashboard.html", "  ai-lab dashboard export -p shop --status todo,doing > shop.html"})
public class DashboardExportCommand extends HubCommand {
    @Option(names = "--file", paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    String file;

    @Mixin
    WorkFilterOptions filter;

    @Option(names = {"-P", "--priority"}, paramLabel = "PRIORITY", description = "Only items of this priority: low, normal, high or urgent.")
    String priority;

    @Override
    protected int run() throws Exception {
        DashboardApi.BoardFilter board = new DashboardApi.BoardFilter(filter.toFilter(true),
                priority == null ? null : Priority.parse(priority));
        Clock clock = Clock.systemDefaultZone();
        String html = DashboardExport.html(new DashboardQueries(store()), board,
                new HostProbe(spec, config, 10).get(), LocalDate.now(clock), clock.instant());
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
