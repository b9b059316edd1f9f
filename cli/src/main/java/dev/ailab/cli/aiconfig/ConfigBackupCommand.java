package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the config file (default: the user config; --config FILE for another) to "
                + "$XDG_STATE_HOME/ai-config/config-backups (mode 0600) and print the copy's path.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config config backup", "  ai-config config backup --config ./team.yaml"})
public class ConfigBackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Override
    public Integer call() {
        Path file = ConfigTarget.file(spec, config);
        Path copy = ConfigTarget.files(spec).backup(file);
        AiConfigSupport.audit(spec).record("config backup", "ok", "backed up " + file, Map.of("backup", copy.toString()));
        spec.commandLine().getOut().println(copy);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
