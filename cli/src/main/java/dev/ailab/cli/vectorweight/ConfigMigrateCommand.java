package dev.ailab.cli.vectorweight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
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
import dev.ailab.generators.vectorweight.Vectorweight;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OutputMixin format;

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
        List<ConfigProblem> undecided = undecided(context, result.yaml());
        if (!undecided.isEmpty()) {
            // A config that would not validate is not written: the user decides first.
            if (format.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("input", in.toString());
                doc.put("file", null);
                doc.put("mapped", result.mapped());
                doc.put("unmapped", result.unmapped());
                doc.put("undecided", undecided.stream().map(p -> Map.of("line", p.line(), "column", p.column(),
                        "message", p.message(), "hint", p.hint() == null ? "" : p.hint())).toList());
                JsonOutput.write(spec.commandLine().getOut(), doc);
                return 1;
            }
            err.println("migration of " + in + " needs a decision before the new config would validate; nothing was written:");
            undecided.forEach(p -> err.println("  line " + p.line() + ": " + p.message()
                    + (p.hint() == null || p.hint().isBlank() ? "" : "\n    hint: " + p.hint())));
            result.unmapped().forEach(u -> err.println("  UNMAPPED  " + u.key() + ": " + u.outcome()));
            err.println("hint: fix these in " + in + " (or in the output of a dry run) and run the migration again");
            err.flush();
            return 1;
        }
        if (format.json()) {
            Path target = output == null ? null : write(context.workingDir().resolve(output), result.yaml());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("input", in.toString());
            doc.put("file", target == null ? null : target.toString());
            doc.put("mapped", result.mapped());
            doc.put("unmapped", result.unmapped());
            doc.put("yaml", result.yaml());
            JsonOutput.write(spec.commandLine().getOut(), doc);
            return 0;
        }
        err.println("migration report for " + in + ":");
        result.mapped().forEach(m -> err.println("  mapped    " + m.key() + " -> " + m.outcome()));
        result.unmapped().forEach(u -> err.println("  UNMAPPED  " + u.key() + ": " + u.outcome()));
        err.println(result.mapped().size() + " keys mapped, " + result.unmapped().size() + " not carried over"
                + (result.unmapped().isEmpty() ? "" : " (also listed at the top of the new file)"));
        if (output == null) {
            spec.commandLine().getOut().print(result.yaml());
            spec.commandLine().getOut().flush();
        } else {
            Path target = write(context.workingDir().resolve(output), result.yaml());
            spec.commandLine().getOut().println("wrote " + target);
            err.println("next: vectorweight validate --config " + output);
        }
        return 0;
    }

    /** What would still fail validation in the migrated config, checked by the same rules as 'vectorweight validate'. */
    private static List<ConfigProblem> undecided(RunContext context, String yaml) {
        Path probe = null;
        try {
            probe = Files.createTempFile("vectorweight-migrated-", ".yaml");
            Files.writeString(probe, yaml);
            new Vectorweight(context.configLoader()).validateAlone(probe);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot check the migrated config: " + e.getMessage(), e);
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private Path write(Path target, String yaml) {
        if (Files.exists(target) && !force) {
            throw new OperationFailedException(target + " already exists", "choose another --file, or add --force");
        }
        AtomicFiles.writeString(target, yaml);
        return target;
    }
}
