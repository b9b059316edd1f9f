package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.cli.ValidationReport;
import dev.ailab.core.config.ConfigException;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.ExitCodes;
import dev.ailab.generators.bundle.OfflineCheck;
import dev.ailab.generators.vectorweight.VectorweightGenerator;
import dev.ailab.generators.vectorweight.Vectorweight;
import java.nio.file.Path;
import java.util.List;
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
                  "Examples:", "  vectorweight validate --config vectorweight.yaml",
                  "  vectorweight validate -c vectorweight.yaml --offline-check"})
public class ConfigValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The vectorweight config file.")
    Path config;

    @Option(names = "--offline-check", description = "Airgapped modes: also check that the bundle, local folder or git "
            + "mirror holds every chart at its pinned version; each missing one is a problem.")
    boolean offlineCheck;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        Path file = context.workingDir().resolve(config);
        ToolkitConfig cfg;
        try {
            Vectorweight vw = new Vectorweight(context.configLoader());
            cfg = offlineCheck ? vw.validate(file, List.of(OfflineCheck.rule())) : vw.validate(file);
        } catch (ConfigException e) {
            if (!output.json()) {
                throw e;
            }
            // An invalid file is a report too: the same document with valid false, exit 2.
            var doc = report(file, false, null, List.of());
            ValidationReport.add(doc.putArray("problems"), e.problems());
            JsonOutput.write(spec.commandLine().getOut(), doc);
            return ExitCodes.USAGE;
        }
        List<String> warnings = new VectorweightGenerator().generate(cfg, file.toAbsolutePath().getParent()).warnings();
        if (output.json()) {
            var doc = report(file, true, cfg.clusters.size(), warnings);
            doc.putArray("problems");
            JsonOutput.write(spec.commandLine().getOut(), doc);
        } else {
            warnings.forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            spec.commandLine().getOut().println(file + ": valid (" + cfg.clusters.size() + " cluster"
                    + (cfg.clusters.size() == 1 ? "" : "s") + ")");
        }
        return 0;
    }

    /** {@code {"file", "valid", "clusters", "warnings", "problems"}}; the caller adds the problems. */
    private static com.fasterxml.jackson.databind.node.ObjectNode report(Path file, boolean valid, Integer clusters,
                                                                          List<String> warnings) {
        var doc = JsonOutput.mapper().createObjectNode();
        doc.put("file", file.toString());
        doc.put("valid", valid);
        doc.put("clusters", clusters);
        warnings.forEach(doc.putArray("warnings")::add);
        return doc;
    }
}
