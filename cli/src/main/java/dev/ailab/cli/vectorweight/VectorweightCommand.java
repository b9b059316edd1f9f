package dev.ailab.cli.vectorweight;

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

/** Root of {@code vectorweight}. */
@Command(name = "vectorweight", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Generate a complete homelab GitOps repository from a short YAML config.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0 ok, 1 operation failed, 2 bad usage or input, 3 external system failed, 4 internal bug, "
                          + "10 (plan) generate would change files, 11 (plan) files were edited by hand", "",
                  "Example:", "  vectorweight init && vectorweight generate --config vectorweight.yaml"})
public class VectorweightCommand extends RootCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions globalOptions;

    @Override
    public List<Class<?>> subcommands() {
        return List.of(VectorweightInitCommand.class, ConfigValidateCommand.class, RepoPlanCommand.class, RepoGenerateCommand.class, ReposCommand.class, BundleCommand.class, ConfigMigrateCommand.class, SecretsCommand.class, SchemaShowCommand.class, CompletionCommand.class);
    }

    @Override
    protected CommandSpec spec() {
        return spec;
    }

    public static void main(String[] args) {
        dev.ailab.cli.WarmUp.start(args);
        CommandLineFactory.main(new VectorweightCommand(), args);
    }
}
