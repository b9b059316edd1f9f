package dev.ailab.cli.ailab;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks config files against the schema and reports every problem of every file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check config files: YAML syntax, unknown keys, types, allowed values, names.",
                "%nWithout FILE, checks every layer that exists (user and project config) and the"
                        + " environment variables that override them. Prints 'ok FILE' for a good file, and every"
                        + " problem as FILE:LINE:COLUMN: message with a hint on stderr. Exit 2 on any problem."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab config validate",
                  "  ai-lab config validate examples/config.yaml",
                  "  ai-lab config validate --output json cluster-*.yaml"})
public class ConfigValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputMixin output;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Config files to check (default: every layer that exists).")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        ConfigLoader loader = context.configLoader();
        boolean layers = files.isEmpty();
        List<Path> targets = new ArrayList<>();
        Map<Path, Path> shown = new LinkedHashMap<>(); // resolved path -> the path as the user wrote it
        if (layers) {
            targets.addAll(loader.existingLayerFiles());
        } else {
            for (Path f : files) {
                Path resolved = context.workingDir().resolve(f).normalize();
                targets.add(resolved);
                shown.put(resolved, f);
            }
        }
        Map<Path, List<ConfigProblem>> results = new LinkedHashMap<>();
        for (Path file : targets) {
            Path display = shown.getOrDefault(file, file);
            List<ConfigProblem> problems = new ArrayList<>();
            for (ConfigProblem p : loader.problems(file, ConfigRules.all())) {
                problems.add(file.equals(p.file())
                        ? new ConfigProblem(display, p.line(), p.column(), p.message(), p.hint()) : p);
            }
            results.put(display, problems);
        }
        List<ConfigProblem> environment = new ArrayList<>();
        boolean filesOk = results.values().stream().allMatch(List::isEmpty);
        if (layers && filesOk) {
            try {
                loader.load(null, Map.of(), ConfigRules.all()); // the environment layer on top of the files
            } catch (ConfigException e) {
                environment.addAll(e.problems());
            }
        }
        int problemCount = environment.size() + results.values().stream().mapToInt(List::size).sum();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output.json()) {
            JsonOutput.write(out, ValidationReport.of(results, environment));
        } else {
            if (targets.isEmpty()) {
                err.println("no config file to check: neither " + loader.userConfigFile() + " nor "
                        + loader.projectConfigFile() + " exists (built-in defaults apply)");
            }
            results.forEach((file, problems) -> {
                if (problems.isEmpty()) {
                    out.println("ok " + file);
                }
                problems.forEach(p -> err.println(p.format()));
            });
            if (layers && filesOk && !targets.isEmpty() && environment.isEmpty()) {
                out.println("ok environment");
            }
            environment.forEach(p -> err.println(p.format()));
            if (problemCount > 0) {
                long badFiles = results.values().stream().filter(p -> !p.isEmpty()).count();
                err.println(problemCount + (problemCount == 1 ? " problem" : " problems")
                        + (badFiles > 0 ? " in " + badFiles + " of " + results.size() + (results.size() == 1 ? " file" : " files") : "")
                        + (environment.isEmpty() ? "" : (badFiles > 0 ? " and" : " in") + " the environment"));
            }
        }
        out.flush();
        err.flush();
        return problemCount == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
