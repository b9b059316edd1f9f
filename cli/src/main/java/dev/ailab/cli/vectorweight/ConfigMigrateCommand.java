package dev.ailab.cli.vectorweight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.core.config.ConfigException;
import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.YamlSource;
import dev.ailab.core.error.IoMessages;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.generators.migrate.LegacyMigrator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vectorweight migrate}: old verbose format to the simplified schema, with a full report. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Convert an old verbose config to the simplified schema.",
                "The old keys (metadata.project_name, kubernetes_distribution, node_count, "
                        + "resources.{cpu_cores,memory_gb,storage_gb,gpu_*}, storage_class, ...) get their new places; "
                        + "resources map to the nearest size preset plus explicit overrides. Every input key is either "
                        + "mapped or listed in the report (stderr) with the reason; nothing is dropped silently."},
        footerHeading = "%nExamples:%n",
        footer = {"  vectorweight migrate old-config.yaml --file vectorweight.yaml",
                  "  vectorweight migrate old.yaml > vectorweight.yaml 2> migration-report.txt"})
public class ConfigMigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD.yaml", description = "The config in the old format.")
    Path old;

    @Option(names = "--file", paramLabel = "NEW.yaml", description = "Where to write the new config (default: standard output).")
    Path output;

    @Option(names = {"-f", "--force"}, description = "Overwrite NEW.yaml if it exists.")
    boolean force;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        Path in = context.workingDir().resolve(old);
        // Read, decode and parse the way 'validate' does, so a broken file gets the same words:
        // FILE:LINE:COLUMN, what is wrong in an editor's terms, and a hint.
        YamlSource source = YamlSource.read(in);
        if (!source.parsed()) {
            throw new ConfigException(source.problems());
        }
        JsonNode tree;
        try {
            tree = ConfigMapper.yaml().readTree(Files.readAllBytes(in));
        } catch (JsonProcessingException e) {
            if (!source.problems().isEmpty()) {
                throw new ConfigException(source.problems());
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ConfigException(List.of(new ConfigProblem(in, line, col, "the YAML cannot be read here",
                    "fix the YAML syntax at that position; 'vectorweight validate --config FILE' says more")));
        } catch (IOException e) {
            throw new OperationFailedException("cannot read " + in + ": " + IoMessages.describe(e), IoMessages.hint(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigException(List.of(new ConfigProblem(in, 1, 1, "not a YAML mapping", "give the old config file")));
        }
        LegacyMigrator.Result result = LegacyMigrator.migrate(tree, old.getFileName().toString());
        PrintWriter err = spec.commandLine().getErr();
        err.println("migration report for " + in + ":");
        result.mapped().forEach(m -> err.println("  mapped    " + m.key() + " -> " + m.outcome()));
        result.unmapped().forEach(u -> err.println("  UNMAPPED  " + u.key() + ": " + u.outcome()));
        err.println(result.mapped().size() + " keys mapped, " + result.unmapped().size() + " not carried over"
                + (result.unmapped().isEmpty() ? "" : " (also listed at the top of the new file)"));
        if (output == null) {
            spec.commandLine().getOut().print(result.yaml());
            spec.commandLine().getOut().flush();
        } else {
            Path target = context.workingDir().resolve(output);
            if (Files.exists(target) && !force) {
                throw new OperationFailedException(target + " already exists", "choose another --file, or add --force");
            }
            AtomicFiles.writeString(target, result.yaml());
            spec.commandLine().getOut().println("wrote " + target);
            err.println("next: vectorweight validate --config " + output);
        }
        return 0;
    }
}
