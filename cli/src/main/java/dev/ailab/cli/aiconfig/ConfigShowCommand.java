package dev.ailab.cli.aiconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.config.ConfigYaml;
import dev.ailab.core.config.LoadedConfig;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the effective config after every layer (defaults, user, project, --config, environment), "
                + "with where each library value came from.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config config show", "  ai-config config show --all --output json"})
public class ConfigShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    HomeOption home;

    @Mixin
    OutputMixin output;

    @Option(names = {"-a", "--all"}, description = "The whole config, not only the library section.")
    boolean all;

    @Override
    public Integer call() throws JsonProcessingException {
        LoadedConfig loaded = AiConfigSupport.config(config, home, Map.of());
        Object shown = all ? loaded.config() : Map.of("library", loaded.config().library);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.write(out, shown);
            return 0;
        }
        // The one YAML writer (core.yaml YamlWriter, through ConfigYaml), credentials in URLs masked.
        out.print(ConfigYaml.write(ConfigYaml.redacted(ConfigMapper.json().valueToTree(shown))));
        out.println("# files: " + (loaded.files().isEmpty() ? "none (built-in defaults)" : loaded.files()));
        loaded.origins().forEach((key, origin) -> {
            if (all || key.startsWith("library.")) {
                out.println("# " + key + " from " + origin);
            }
        });
        out.flush();
        return 0;
    }
}
