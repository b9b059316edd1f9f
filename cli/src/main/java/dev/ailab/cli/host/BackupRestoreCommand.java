package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.deployment.backup.BackupService;
import dev.ailab.deployment.backup.RestoreReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backup restore FILE | --undo}: verified, atomic, keeps what it replaces or removes for an undo. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup into the base folder (or --target DIR), or undo the last restore.",
                       "The archive is verified first; then everything is extracted and checked in a staging folder, "
                               + "and only then swapped in, top-level name by name. Everything it replaces or removes is "
                               + "kept in <target>/.replaced-<time>/ for --undo; only the newest --keep-replaced such folders "
                               + "stay (default 1). A failed swap puts back what was moved; a staging folder left by a killed "
                               + "restore is removed by the next one. Entries with absolute paths, '..', links pointing "
                               + "outside or device files are refused. The age identity and the backups folder are never "
                               + "touched. Stop the pod first."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab backup restore ai-lab-backup-20261122T100000Z.tar.gz --dry-run",
                  "  ai-lab deploy restart && ai-lab backup restore FILE",
                  "  ai-lab backup restore --undo --dry-run",
                  "  ai-lab backup restore FILE --keep-replaced 3",
                  "%nExit codes: 0 restored (or planned), 1 damaged or unsafe archive or nothing to undo (nothing changed),"
                          + " 2 unknown format version or bad usage"})
public class BackupRestoreCommand implements Callable<Integer> {
    private static final int LISTED = 50;

    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The backup archive (not with --undo).")
    Path file;

    @Option(names = "--undo", description = "Put back what the last restore into the target replaced or removed.")
    boolean undo;

    @Option(names = {"-n", "--dry-run"}, description = "Verify and show what would be created, replaced and removed; change nothing.")
    boolean dryRun;

    @Option(names = "--target", paramLabel = "DIR", description = "Restore here instead of the base folder.")
    Path target;

    @Option(names = "--keep-replaced", paramLabel = "N",
            description = "Keep the folders of the N newest restores for undo (default 1: this one).")
    int keepReplaced = BackupService.KEEP_REPLACED;

    @Override
    public Integer call() {
        if (undo == (file != null)) {
            throw new InvalidInputException(undo ? "--undo takes no FILE" : "give the backup FILE to restore, or --undo",
                    "ai-lab backup restore FILE, or ai-lab backup restore --undo");
        }
        HostContext host = HostContext.of(spec, config);
        Path dir = target == null ? null : host.resolve(target.toString());
        RestoreReport r = undo ? host.backups().undoRestore(dir, dryRun, keepReplaced)
                : host.backups().restore(host.resolve(file.toString()), dir, dryRun, keepReplaced);
        if (output.json()) {
            JsonOutput.write(host.out, r);
            return 0;
        }
        String verb = dryRun ? "would " : "";
        host.out.println((dryRun ? "dry run: " : undo ? "undid the restore kept in " : "restored ") + r.file() + " into " + r.target());
        host.out.println("  " + verb + "create " + r.created().size() + ", " + verb + "replace " + r.replaced().size()
                + ", " + verb + "remove " + r.removed().size() + ", unchanged " + r.unchanged());
        list(host, r.replaced(), dryRun ? "would replace " : "replaced ");
        list(host, r.removed(), dryRun ? "would remove " : "removed ");
        if (r.keptAside() != null) {
            host.out.println("what was replaced or removed is kept in " + r.keptAside() + " (" + HostContext.size(r.keptAsideBytes())
                    + "); 'ai-lab backup restore --undo' puts it back");
        }
        for (RestoreReport.Kept k : r.pruned()) {
            host.out.println((dryRun ? "would delete " : "deleted ") + "the older kept folder " + k.path() + " (" + HostContext.size(k.bytes()) + ")");
        }
        for (String c : r.cleaned()) {
            host.out.println((dryRun ? "would remove " : "removed ") + "the staging folder " + c + " left by a restore that did not finish");
        }
        host.out.flush();
        return 0;
    }

    private static void list(HostContext host, java.util.List<String> paths, String prefix) {
        paths.stream().limit(LISTED).forEach(p -> host.out.println("  " + prefix + p));
        if (paths.size() > LISTED) {
            host.out.println("  ... and " + (paths.size() - LISTED) + " more");
        }
    }
}
