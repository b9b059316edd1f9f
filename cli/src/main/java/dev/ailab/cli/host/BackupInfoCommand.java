package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.deployment.backup.BackupSummary;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backup info FILE}: time, contents summary, size, whether it holds secrets. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a backup's time, size, format version, whether it holds secrets, and a summary of its contents.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab backup info /ai/backups/ai-lab-backup-20261122T100000Z.tar.gz",
                  "%nExit codes: 0 shown, 1 unreadable archive, 2 not a backup or unknown format version"})
public class BackupInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "FILE", description = "The backup archive.")
    Path file;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        BackupSummary s = host.backups().info(host.resolve(file.toString()));
        if (output.json()) {
            JsonOutput.write(host.out, s);
            return 0;
        }
        host.out.println("file:            " + s.file());
        host.out.println("created:         " + s.createdAt());
        host.out.println("size:            " + HostContext.size(s.size()) + " (" + s.size() + " bytes)");
        host.out.println("format version:  " + s.formatVersion());
        host.out.println("secrets:         " + (s.includesSecrets() ? "included (encrypted)" : "not included"));
        host.out.println("checksum file:   " + (s.checksumFile() ? "present" : "missing"));
        host.out.println("entries:         " + s.files() + " files, " + s.directories() + " folders, " + s.links() + " links, "
                + HostContext.size(s.contentBytes()) + " of content");
        host.out.println("contents:");
        for (Map.Entry<String, BackupSummary.Part> e : s.contents().entrySet()) {
            host.out.printf("  %-24s %6d files  %s%n", e.getKey(), e.getValue().files(), HostContext.size(e.getValue().bytes()));
        }
        host.out.flush();
        return 0;
    }
}
