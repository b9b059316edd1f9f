package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.sources.library.ConfigFiles;
import java.io.PrintWriter;
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

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Put a backup back in place of the config file (default: the newest backup). The backup is "
                + "validated first, and the current file is backed up before it is replaced."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config config restore --list", "  ai-config config restore", "  ai-config config restore 20261122-101500"})
public class ConfigRestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BACKUP", description = "Backup file name or its leading part.")
    String name;

    @Option(names = "--list", description = "List the backups, newest first, and change nothing.")
    boolean list;

    @Override
    public Integer call() {
        ConfigFiles files = ConfigTarget.files(spec);
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            if (output.json()) {
                List<Map<String, Object>> rows = new java.util.ArrayList<>();
                for (Path p : files.list()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", p.getFileName().toString());
                    row.put("file", p.toString());
                    rows.add(row);
                }
                JsonOutput.write(out, Map.of("backups", rows));
                return 0;
            }
            files.list().forEach(p -> out.println(p.getFileName()));
            out.flush();
            return 0;
        }
        Path backup = files.find(name);
        RootCommand.contextOf(spec).configLoader().validateFile(backup);
        Path target = ConfigTarget.file(spec, config);
        Path previous = files.restore(backup, target);
        AiConfigSupport.audit(spec).record("config restore", "ok", "restored " + backup.getFileName() + " to " + target,
                previous == null ? Map.of() : Map.of("previous_backup", previous.toString()));
        if (output.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("restored", backup.toString());
            result.put("file", target.toString());
            result.put("previous_backup", previous == null ? null : previous.toString());
            JsonOutput.write(out, result);
            return 0;
        }
        out.println("Restored " + backup.getFileName() + " to " + target
                + (previous == null ? "" : "; the file it replaced is saved as " + previous.getFileName()));
        out.flush();
        return 0;
    }
}
