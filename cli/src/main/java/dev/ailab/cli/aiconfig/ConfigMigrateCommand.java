package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.core.config.ConfigException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.sources.library.ConfigFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Rewrite an older config format to the current one: an 'ai_config:' section becomes 'library:', "
                + "old keys (url, repo, home, dir, personal_dir, sshKey, tokenEnv...) get their current names.",
                "A backup is made first; the result is validated before it replaces the file (comments are not kept: "
                        + "the backup has them)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config config migrate --dry-run", "  ai-config config migrate --config old.yaml"})
public class ConfigMigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Option(names = {"-n", "--dry-run"}, description = "Print the migrated config; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        Path file = ConfigTarget.file(spec, config);
        if (!Files.isRegularFile(file)) {
            throw new dev.ailab.core.error.InvalidInputException("no config file at " + file, "pass --config FILE");
        }
        ConfigFiles.Migration m = ConfigFiles.migrate(file);
        PrintWriter out = spec.commandLine().getOut();
        if (!m.changed()) {
            if (output.json()) {
                JsonOutput.write(out, result(file, m, null));
                return 0;
            }
            out.println(file + " is already in the current format; nothing was changed.");
            out.flush();
            return 0;
        }
        if (dryRun && output.json()) {
            JsonOutput.write(out, result(file, m, null));
            return 0;
        }
        if (!output.json()) {
            m.changes().forEach(c -> out.println("- " + c));
        }
        if (dryRun) {
            out.println("--- migrated " + file + " (dry run, nothing written)");
            out.print(m.yaml());
            out.flush();
            return 0;
        }
        // validate the result before it replaces anything
        Path check = Files.createTempFile(file.toAbsolutePath().getParent(), ".migrate-", ".yaml");
        try {
            Files.writeString(check, m.yaml());
            RootCommand.contextOf(spec).configLoader().validateFile(check);
        } catch (ConfigException e) {
            throw new OperationFailedException("the migrated config would not be valid; nothing was changed:\n" + e.getMessage(),
                    "fix the remaining problems by hand (the migration covers the library section)");
        } finally {
            Files.deleteIfExists(check);
        }
        ConfigFiles files = ConfigTarget.files(spec);
        Path backup = files.backup(file);
        AtomicFiles.write(file, m.yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
        AiConfigSupport.audit(spec).record("config migrate", "ok", "migrated " + file, Map.of("backup", backup.toString(),
                "changes", m.changes()));
        if (output.json()) {
            JsonOutput.write(out, result(file, m, backup));
            return 0;
        }
        out.println("Migrated " + file + "; the old version is saved as " + backup);
        out.flush();
        return 0;
    }

    /** {@code {"file", "changed", "dry_run", "changes", "backup", "yaml"}}: yaml is the migrated text, null when unchanged. */
    private Map<String, Object> result(Path file, ConfigFiles.Migration m, Path backup) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file.toString());
        r.put("changed", m.changed());
        r.put("dry_run", dryRun);
        r.put("changes", m.changes());
        r.put("backup", backup == null ? null : backup.toString());
        r.put("yaml", m.changed() ? m.yaml() : null);
        return r;
    }
}
