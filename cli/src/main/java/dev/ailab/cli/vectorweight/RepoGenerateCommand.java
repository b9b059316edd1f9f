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
                        + "conflicts unless --force. State: <dir>/.vectorweight/state.json.",
                "With auto_create_repositories: true it then does what 'vectorweight repos create' does: creates the "
                        + "repository on GitHub and pushes the folder (fast-forward only)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 written (or already up to date), and pushed with auto_create_repositories; 1 conflicts kept "
                          + "(everything else was written, nothing pushed) or the push refused; 2 invalid config, or no "
                          + "token or github.owner for auto_create_repositories; 3 GitHub or the git remote failed; 4 a bug", "",
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
        Path configFile = context.workingDir().resolve(config);
        ReposOptions.Resolved repos = null;
        if (r.conflictsKept().isEmpty() && vw.mayBeSet(configFile, "auto_create_repositories")) {
            dev.ailab.core.config.ToolkitConfig cfg = vw.validate(configFile);
            if (Boolean.TRUE.equals(cfg.autoCreateRepositories)) {
                repos = ReposOptions.resolved(cfg, outcome.output(), context);
                ReposOptions.requireOwner(repos, "auto_create_repositories");
            }
        }
        if (!output.json()) {
            printText(outcome, r, unchanged, out, err);
        }
        dev.ailab.integrations.github.GitopsPublish.Result pushed = repos == null ? null
                : ReposCreateCommand.publish(spec, repos, false);
        if (pushed != null && !output.json()) {
            ReposCreateCommand.print(pushed, false, out);
        }
        if (output.json()) {
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("output", outcome.output().toString());
            result.put("written", r.written());
            result.put("deleted", r.deleted());
            result.put("unchanged", unchanged);
            result.put("conflicts_kept", r.conflictsKept());
            result.put("conflicts_overwritten", r.conflictsOverwritten());
            result.put("warnings", outcome.warnings());
            result.put("repository", pushed == null ? null : ReposCreateCommand.json(pushed));
            JsonOutput.write(out, result);
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

    private static void printText(Vectorweight.Outcome outcome, ApplyResult r, int unchanged, PrintWriter out,
                                  PrintWriter err) {
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
        out.flush();
    }
}
