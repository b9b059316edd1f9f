package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.cli.ValidationReport;
import dev.ailab.core.config.ConfigException;
import dev.ailab.core.config.ConfigLoader;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.rules.ConfigRules;
import dev.ailab.core.error.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every config file in use (user, project, --config) and then their combination. "
                + "Problems name FILE:LINE:COLUMN and the fix; exit 2 when there is one.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config config validate", "  ai-config config validate --config team.yaml"})
public class ConfigValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        ConfigLoader loader = context.configLoader();
        List<Path> files = new ArrayList<>();
        for (Path p : List.of(loader.userConfigFile(), loader.projectConfigFile())) {
            if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        Path explicit = config.file == null ? null : context.workingDir().resolve(config.file);
        if (explicit != null) {
            files.add(explicit);
        }
        // Each file on its own, then their combination: the same checks as 'ai-lab config validate'.
        Map<Path, List<ConfigProblem>> results = new LinkedHashMap<>();
        for (Path f : files) {
            results.put(f, loader.problems(f, ConfigRules.all()));
        }
        List<ConfigProblem> combined = new ArrayList<>();
        if (results.values().stream().allMatch(List::isEmpty)) {
            try {
                loader.load(explicit, Map.of(), ConfigRules.all());
            } catch (ConfigException e) {
                combined.addAll(e.problems());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.write(out, ValidationReport.of(results, combined));
            boolean valid = combined.isEmpty() && results.values().stream().allMatch(List::isEmpty);
            return valid ? ExitCodes.OK : ExitCodes.USAGE;
        }
        for (Map.Entry<Path, List<ConfigProblem>> e : results.entrySet()) {
            if (!e.getValue().isEmpty()) {
                out.flush();
                throw new ConfigException(e.getValue());
            }
            out.println("ok: " + e.getKey());
        }
        if (!combined.isEmpty()) {
            out.flush();
            throw new ConfigException(combined);
        }
        out.println(files.isEmpty() ? "ok: no config file; built-in defaults are valid" : "ok: the combined config is valid");
        out.flush();
        return 0;
    }
}
