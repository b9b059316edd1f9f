package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Projects registry: register, list, archive, sync. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Projects registry: register, list, archive, sync.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab project register ~/code/shop", "  ai-lab project list", "  ai-lab project sync --all"})
public class ProjectCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(ProjectRegisterCommand.class, ProjectListCommand.class, ProjectArchiveCommand.class,
                ProjectSyncCommand.class);
    }
}
