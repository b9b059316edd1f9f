package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.config.LoadedConfig;
import dev.ailab.core.error.ExitCodes;
import dev.ailab.sources.library.Library;
import dev.ailab.sources.library.UpdateReport;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Fetch the library's branch, show what changed upstream and apply it.",
                "Local edits in library/ are kept; if one is in a file that changed upstream the update stops with "
                        + "nothing applied and lists the files (exit 1). The version before is recorded and can be "
                        + "restored with 'library rollback'."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config library update --dry-run   # review first", "  ai-config library update"})
public class LibraryUpdateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    HomeOption home;

    @Mixin
    AuthOptions auth;

    @Mixin
    OutputMixin output;

    @Option(names = {"-n", "--dry-run"}, description = "Fetch and show what would change; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        LoadedConfig loaded = AiConfigSupport.config(config, home, Map.of());
        Library library = AiConfigSupport.library(spec, loaded);
        String url = library.isPresent() ? library.repository().remoteUrl() : null;
        if (!dryRun && library.isPresent()) {
            String recovered = library.recoverInterrupted();
            if (recovered != null) {
                spec.commandLine().getErr().println("note: " + recovered);
                spec.commandLine().getErr().flush();
            }
        }
        UpdateReport r;
        try (AiConfigSupport.Progress progress = new AiConfigSupport.Progress(spec)) {
            r = library.update(dryRun, AiConfigSupport.auth(spec, auth, loaded.config().library, url), progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.write(out, r);
            return r.conflicts().isEmpty() ? 0 : ExitCodes.FAILED;
        }
        print(out, r, dryRun);
        if (!r.conflicts().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: the update would stop: " + r.conflicts().size()
                    + " file(s) have local edits in library/ and changed upstream:");
            AiConfigSupport.printList(err, "  ", r.conflicts(), 50);
            err.println("hint: copy your edits to personal/ (personal files win) and discard them in library/, then update");
            err.flush();
            return ExitCodes.FAILED;
        }
        return 0;
    }

    static void print(PrintWriter out, UpdateReport r, boolean dryRun) {
        if (r.upToDate()) {
            out.println("Already up to date at " + r.range().substring(0, 10) + ".");
            out.flush();
            return;
        }
        String verb = r.action().equals("rollback") ? "Rollback" : "Upstream";
        out.printf("%s %s: %s%d file(s) changed: %d added, %d modified, %d deleted%n", verb, r.range(),
                r.commits() > 0 ? r.commits() + " commit(s), " : "", r.changedFiles(), r.added().size(),
                r.modified().size(), r.deleted().size());
        AiConfigSupport.printList(out, "  A ", r.added(), 20);
        AiConfigSupport.printList(out, "  M ", r.modified(), 20);
        AiConfigSupport.printList(out, "  D ", r.deleted(), 20);
        if (!r.shadowed().isEmpty()) {
            out.println("Upstream changed " + r.shadowed().size() + " file(s) you override in personal/ (your version stays in effect):");
            AiConfigSupport.printList(out, "  ", r.shadowed(), 20);
        }
        if (!r.keptEdits().isEmpty()) {
            out.println("Local edits in library/ " + (dryRun ? "will be" : "were") + " kept: " + r.keptEdits().size() + " file(s)");
            AiConfigSupport.printList(out, "  ", r.keptEdits(), 10);
        }
        if (dryRun) {
            out.println("Dry run: nothing was changed. Run without --dry-run to apply.");
        } else if (r.applied()) {
            out.printf("Applied; recorded as version %d (the version before is kept as %s; undo with 'ai-config library rollback').%n",
                    r.version(), r.backupRef());
        }
        out.flush();
    }
}
