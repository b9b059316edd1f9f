package dev.ailab.cli;

import dev.ailab.cli.ailab.ConfigCommand;
import dev.ailab.cli.ailab.CreateProjectCommand;
import dev.ailab.cli.ailab.ServiceCommand;
import dev.ailab.cli.ailab.TemplateCommand;
import dev.ailab.cli.host.BackupCommand;
import dev.ailab.cli.host.DeployCommand;
import dev.ailab.cli.host.SecretsCommand;
import dev.ailab.cli.hub.DbCommand;
import dev.ailab.cli.hub.IdeaCommand;
import dev.ailab.cli.hub.ProjectCommand;
import dev.ailab.cli.hub.SessionCommand;
import dev.ailab.cli.dashboard.DashboardCommand;
import dev.ailab.cli.hub.WorkCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Root of {@code ai-lab}: scaffolding, the project hub, and host operations. */
@Command(name = "ai-lab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create projects from templates, track work, ideas and AI sessions, and run an AI-agent host.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0 ok, 1 operation failed, 2 bad usage or input, 3 external system failed, 4 internal bug"})
public class AiLabCommand extends RootCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions globalOptions;

    @Override
    public List<Class<?>> subcommands() {
        return List.of(CreateProjectCommand.class, TemplateCommand.class, ServiceCommand.class, ConfigCommand.class, WorkCommand.class, IdeaCommand.class, SessionCommand.class, ProjectCommand.class, DbCommand.class, DashboardCommand.class, dev.ailab.cli.github.GithubCommand.class, DeployCommand.class, SecretsCommand.class, BackupCommand.class, CompletionCommand.class);
    }

    @Override
    protected CommandSpec spec() {
        return spec;
    }

    public static void main(String[] args) {
        WarmUp.start(args);
        CommandLineFactory.main(new AiLabCommand(), args);
    }

}
