package dev.ailab.cli.ailab;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** The services of a monorepo: add, list, remove. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Add, list and remove the services of a monorepo, wired into its Makefile, compose file, Kubernetes, CI and docs.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab service add auth --template python", "  ai-lab service list --output json",
            "  ai-lab service remove auth"})
public class ServiceCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(ServiceAddCommand.class, ServiceListCommand.class, ServiceRemoveCommand.class);
    }
}
