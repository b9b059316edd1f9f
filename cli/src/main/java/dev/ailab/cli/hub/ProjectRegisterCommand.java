package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.ProjectRow;
import dev.ailab.hub.Projects;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code project register}: reads the folder's .ai-lab/ and git origin. */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register a project folder (reads .ai-lab/config.yaml and the git origin). Registering again refreshes it.",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab project register .", "  ai-lab project register ~/code/shop --name web-shop"})
public class ProjectRegisterCommand extends HubCommand {
    @Parameters(paramLabel = "PATH", defaultValue = ".", description = "The project folder (default: the current one).")
    String path;

    @Option(names = "--name", paramLabel = "NAME", description = "Name it NAME instead of its project_name or folder name.")
    String name;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        ProjectRow row = new Projects(store()).register(context().resolve(path), name);
        if (output.json()) {
            JsonOutput.write(out(), row);
        } else {
            ProjectOutput.table(out(), List.of(row), width());
        }
        return 0;
    }
}
