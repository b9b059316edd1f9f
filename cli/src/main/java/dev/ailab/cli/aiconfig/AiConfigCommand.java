package dev.ailab.cli.aiconfig;

import dev.ailab.cli.CommandLineFactory;
import dev.ailab.cli.CompletionCommand;
import dev.ailab.cli.GlobalOptions;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.VersionProvider;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Root of {@code ai-config}. */
@Command(name = "ai-config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Keep a shared git library of prompts, agents and configs up to date without losing personal changes.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0 ok, 1 operation failed, 2 bad usage or input, 3 external system failed, 4 internal bug"})
public class AiConfigCommand extends RootCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions globalOptions;

    @Override
    public List<Class<?>> subcommands() {
        return List.of(InitCommand.class, LibraryCommand.class, HealthCommand.class, ConfigCommand.class, CompletionCommand.class);
    }

    @Override
    protected CommandSpec spec() {
        return spec;
    }

    public static void main(String[] args) {
        dev.ailab.cli.WarmUp.start(args);
        CommandLineFactory.main(new AiConfigCommand(), args);
    }
}
