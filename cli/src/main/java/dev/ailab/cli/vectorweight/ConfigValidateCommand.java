package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.generators.vectorweight.VectorweightGenerator;
import dev.ailab.generators.vectorweight.Vectorweight;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vectorweight validate}: checks a config and writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a config: types and enums, DNS names and domains, duplicates, cross-field rules.",
                "Every problem is reported at once as FILE:LINE:COLUMN: message, with a hint."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 valid, 2 invalid (every problem listed on stderr)", "",
                  "Example:", "  vectorweight validate --config vectorweight.yaml"})
public class ConfigValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The vectorweight config file.")
    Path config;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        Path file = context.workingDir().resolve(config);
        ToolkitConfig cfg = new Vectorweight(context.configLoader()).validate(file);
        List<String> warnings = new VectorweightGenerator().generate(cfg).warnings();
        if (output.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toString());
            result.put("valid", true);
            result.put("clusters", cfg.clusters.size());
            result.put("warnings", warnings);
            JsonOutput.write(spec.commandLine().getOut(), result);
        } else {
            warnings.forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            spec.commandLine().getOut().println(file + ": valid (" + cfg.clusters.size() + " cluster"
                    + (cfg.clusters.size() == 1 ? "" : "s") + ")");
        }
        return 0;
    }
}
