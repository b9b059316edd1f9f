package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.ProjectRow;
import dev.ailab.hub.Projects;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code project list}: with open work items and last session. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = "List projects with their open work items and last session.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab project list", "  ai-lab project list --all --output json"})
public class ProjectListCommand extends HubCommand {
    @Option(names = {"-a", "--all"}, description = "Include archived projects.") boolean all;

    @Mixin
    OutputMixin output;

    @Override
    protected boolean readsOnly() {
        return true;
    }

    @Override
    protected int run() {
        List<ProjectRow> rows = new Projects(store()).list(all);
        if (output.json()) {
            JsonOutput.write(out(), rows);
        } else if (rows.isEmpty()) {
            err().println("no projects; register one with 'ai-lab project register PATH'");
            err().flush();
        } else {
            ProjectOutput.table(out(), rows, width());
        }
        return 0;
    }
}
