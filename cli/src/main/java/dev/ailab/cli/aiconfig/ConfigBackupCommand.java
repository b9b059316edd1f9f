package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        Path file = ConfigTarget.file(spec, config);
        Path copy = ConfigTarget.files(spec).backup(file);
        AiConfigSupport.audit(spec).record("config backup", "ok", "backed up " + file, Map.of("backup", copy.toString()));
        if (output.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toString());
            result.put("backup", copy.toString());
            JsonOutput.write(spec.commandLine().getOut(), result);
            return 0;
        }
        spec.commandLine().getOut().println(copy);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
