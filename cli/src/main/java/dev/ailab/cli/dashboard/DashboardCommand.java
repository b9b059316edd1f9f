package dev.ailab.cli.dashboard;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** The dashboard: serve it live, or export it as one HTML file. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "A live page of projects, work and AI sessions: serve it or export it as one file.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab dashboard serve --open", "  ai-lab dashboard export --file board.html --project shop"})
public class DashboardCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(DashboardServeCommand.class, DashboardExportCommand.class);
    }
}
