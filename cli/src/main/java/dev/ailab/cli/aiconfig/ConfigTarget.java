package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.sources.library.ConfigFiles;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;

/** Which config file a config command works on, and where its backups go. */
final class ConfigTarget {
    private ConfigTarget() {
    }

    /** {@code --config FILE} when given, else the user config ($XDG_CONFIG_HOME/ai-lab/config.yaml). */
    static Path file(CommandSpec spec, ConfigMixin config) {
        RunContext ctx = RootCommand.contextOf(spec);
        return config.file != null ? ctx.workingDir().resolve(config.file) : ctx.configLoader().userConfigFile();
    }

    static ConfigFiles files(CommandSpec spec) {
        RunContext ctx = RootCommand.contextOf(spec);
        return new ConfigFiles(ctx.xdg().stateHome().resolve("ai-config/config-backups"), Clock.systemUTC());
    }
}
