package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backup prune --keep N}. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Delete all but the N newest backups (and their .sha256 files) in the backup folder.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab backup prune --keep 14", "  ai-lab backup prune --keep 3 --dry-run",
                  "%nExit codes: 0 done, 2 --keep below 1"})
public class BackupPruneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Option(names = "--keep", paramLabel = "N", required = true, description = "How many of the newest backups to keep (at least 1).")
    int keep;

    @Option(names = {"-n", "--dry-run"}, description = "Only show what would be deleted.")
    boolean dryRun;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        List<Path> deleted = host.backups().prune(keep, dryRun);
        if (output.json()) {
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("dry_run", dryRun);
            result.put("deleted", deleted.stream().map(Path::toString).toList());
            JsonOutput.write(host.out, result);
            return 0;
        }
        for (Path p : deleted) {
            host.out.println((dryRun ? "would delete " : "deleted ") + p);
        }
        host.out.println((dryRun ? "would delete " : "deleted ") + deleted.size() + " backups, kept the newest " + keep);
        host.out.flush();
        return 0;
    }
}
