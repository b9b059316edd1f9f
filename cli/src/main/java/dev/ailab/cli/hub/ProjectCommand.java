package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Projects: the registry (register, list, archive, sync) and keeping a project up to its template (update, status). */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Projects: register, list, archive, sync; update to the template, status.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab project register ~/code/shop", "  ai-lab project list", "  ai-lab project sync --all",
            "  ai-lab project update --dry-run", "  ai-lab project status"})
public class ProjectCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(ProjectRegisterCommand.class, ProjectListCommand.class, ProjectArchiveCommand.class,
                ProjectSyncCommand.class, dev.ailab.cli.ailab.ProjectUpdateCommand.class,
                dev.ailab.cli.ailab.ProjectStatusCommand.class);
    }
}
