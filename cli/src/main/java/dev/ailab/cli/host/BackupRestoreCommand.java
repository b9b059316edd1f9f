package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.deployment.backup.RestoreReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backup restore FILE}: verified, atomic, keeps what it replaces. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup into the base folder (or --target DIR).",
                       "The archive is verified first; then everything is extracted and checked in a staging folder, "
                               + "and only then swapped in, top-level name by name, what it replaces kept in "
                               + "<target>/.replaced-<time>/. A failed swap puts back what was moved. Entries with absolute "
                               + "paths, '..', links pointing outside or device files are refused. The age identity and the "
                               + "backups folder are never touched. Stop the pod first."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab backup restore ai-lab-backup-20261122T100000Z.tar.gz --dry-run",
                  "  ai-lab deploy restart && ai-lab backup restore FILE",
                  "%nExit codes: 0 restored (or planned), 1 damaged or unsafe archive (nothing changed), 2 unknown format version"})
public class BackupRestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "FILE", description = "The backup archive.")
    Path file;

    @Option(names = {"-n", "--dry-run"}, description = "Verify and show what would be created and replaced; change nothing.")
    boolean dryRun;

    @Option(names = "--target", paramLabel = "DIR", description = "Restore here instead of the base folder.")
    Path target;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        RestoreReport r = host.backups().restore(host.resolve(file.toString()), target == null ? null : host.resolve(target.toString()), dryRun);
        if (output.json()) {
            JsonOutput.write(host.out, r);
            return 0;
        }
        String verb = dryRun ? "would " : "";
        host.out.println((dryRun ? "dry run: " : "restored ") + r.file() + (dryRun ? " into " : " into ") + r.target());
        host.out.println("  " + verb + "create " + r.created().size() + ", " + verb + "replace " + r.replaced().size()
                + ", unchanged " + r.unchanged());
        r.replaced().stream().limit(50).forEach(p -> host.out.println("  " + (dryRun ? "would replace " : "replaced ") + p));
        if (r.replaced().size() > 50) {
            host.out.println("  ... and " + (r.replaced().size() - 50) + " more");
        }
        if (r.keptAside() != null) {
            host.out.println("what was replaced is kept in " + r.keptAside());
        }
        host.out.flush();
        return 0;
    }
}
