package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.hub.ProjectRow;
import dev.ailab.hub.Projects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code project sync NAME...|--all}: refreshes metadata, reports missing folders (exit 1 when any is missing). */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Refresh registered projects' metadata from their folders and report projects whose folder is gone"
                + " (exit 1 when one is).",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab project sync web-shop", "  ai-lab project sync --all",
            "  ai-lab project sync --all --output json"})
public class ProjectSyncCommand extends HubCommand {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The projects to sync, by name.")
    java.util.List<String> names;

    @Option(names = {"-a", "--all"}, description = "Every registered, not archived project.") boolean all;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        boolean named = names != null && !names.isEmpty();
        if (all == named) {
            throw new InvalidInputException(all ? "give project names or --all, not both" : "say which projects to sync",
                    "name them (ai-lab project sync web-shop) or use --all");
        }
        Projects.SyncReport report = new Projects(store()).sync(all ? null : names);
        if (output.json()) {
            JsonOutput.write(out(), report);
        } else {
            for (ProjectRow r : report.refreshed()) {
                out().println("ok       " + r.name() + "  " + r.path());
            }
            for (ProjectRow r : report.missing()) {
                out().println("MISSING  " + r.name() + "  " + r.path());
            }
            out().flush();
        }
        if (!report.missing().isEmpty()) {
            err().println("error: " + report.missing().size() + " project folder(s) missing");
            err().println("hint: move them back, register the new place with 'ai-lab project register PATH',"
                    + " or 'ai-lab project archive NAME'");
            err().flush();
            return 1;
        }
        return 0;
    }
}
