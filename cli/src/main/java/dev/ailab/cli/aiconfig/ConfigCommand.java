package dev.ailab.cli.aiconfig;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Validate, show, back up, restore and migrate the config (the 'library' section is ai-config's).",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config config validate", "  ai-config config migrate --dry-run"})
public class ConfigCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(ConfigValidateCommand.class, ConfigShowCommand.class, ConfigBackupCommand.class,
                ConfigRestoreCommand.class, ConfigMigrateCommand.class);
    }
}
