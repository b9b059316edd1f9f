package dev.ailab.cli.ailab;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Show, check and describe the configuration. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show, check and describe the configuration.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab config show --origin",
                  "  ai-lab config validate .ai-lab/config.yaml",
                  "  ai-lab config schema > toolkit-config.schema.json"})
public class ConfigCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(ConfigShowCommand.class, ConfigValidateCommand.class, ConfigSchemaCommand.class);
    }
}
