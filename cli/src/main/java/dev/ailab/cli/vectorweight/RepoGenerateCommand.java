package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.deployment.state.ApplyResult;
import dev.ailab.deployment.state.FileAction;
import dev.ailab.generators.vectorweight.Vectorweight;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vectorweight generate}: writes the GitOps repository, incrementally and safely. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write the GitOps repository; only changed files are written.",
                "Files no longer generated are deleted if untouched; files edited by hand are kept and reported as "
                        + "conflicts unless --force. State: <dir>/.vectorweight/state.json."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 written (or already up to date), 1 conflicts kept (everything else was written), "
                          + "2 invalid config, 3 and 4 as for every command", "",
                  "Examples:",
                  "  vectorweight generate --config vectorweight.yaml",
                  "  vectorweight generate -c vectorweight.yaml --dir ../homelab-deployment --force"})
public class RepoGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The vectorweight config file.")
    Path config;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to write (default: ./<project_name>-deployment).")
    Path dir;

    @Option(names = {"-f", "--force"}, description = "Overwrite files edited by hand, and delete stale ones.")
    boolean force;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        Vectorweight vw = new Vectorweight(context.configLoader());
        Vectorweight.Outcome outcome = vw.generate(context.workingDir().resolve(config),
                dir == null ? null : context.workingDir().resolve(dir), context.workingDir(), force,
                dev.ailab.cli.ProgressOutput.of(spec));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        outcome.warnings().forEach(w -> err.println("warning: " + w));
        ApplyResult r = outcome.applied();
        int unchanged = outcome.plan().counts().get(FileAction.UNCHANGED);
        if (output.json()) {
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("output", outcome.output().toString());
            result.put("written", r.written());
            result.put("deleted", r.deleted());
            result.put("unchanged", unchanged);
            result.put("conflicts_kept", r.conflictsKept());
            result.put("conflicts_overwritten", r.conflictsOverwritten());
            result.put("warnings", outcome.warnings());
            JsonOutput.write(out, result);
        } else {
            r.written().forEach(p -> out.println((r.conflictsOverwritten().contains(p) ? "overwrote " : "wrote     ") + p));
            r.deleted().forEach(p -> out.println("deleted   " + p));
            r.conflictsKept().forEach(p -> err.println("conflict: " + p + " was edited by hand; kept (--force overwrites it)"));
            if (r.nothingWritten() && !r.conflictsKept().isEmpty()) {
                out.println(outcome.output() + ": nothing else to write (" + unchanged + " files unchanged, "
                        + r.conflictsKept().size() + " kept as edited by hand)");
            } else if (r.nothingWritten()) {
                out.println(outcome.output() + " is up to date: nothing written (" + unchanged + " files unchanged)");
            } else {
                out.println(outcome.output() + ": " + r.written().size() + " written, " + r.deleted().size() + " deleted, "
                        + unchanged + " unchanged");
            }
        }
        out.flush();
        if (!r.conflictsKept().isEmpty()) {
            throw new OperationFailedException(r.conflictsKept().size() + " file(s) edited by hand were kept: "
                    + String.join(", ", r.conflictsKept()),
                    "move your changes into clusters/<cluster>/overrides/ (see README.md), then run again with --force;"
                            + " 'vectorweight plan --diff' shows the differences");
        }
        return 0;
    }
}
