package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.generators.vectorweight.Vectorweight;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vectorweight plan}: what generate would do, file by file; writes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what generate would do to every output file, and write nothing.",
                "Each file is listed as create, update, unchanged, delete (stale) or conflict (edited by hand since "
                        + "the last generate)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 up to date: generate would change nothing",
                  "  " + RepoPlanCommand.CHANGES + " generate would create, update or delete files",
                  "  " + RepoPlanCommand.CONFLICTS + " some files were edited by hand (generate keeps them unless --force)",
                  "  2 invalid config; 1, 3, 4 as for every command", "",
                  "Examples:",
                  "  vectorweight plan --config vectorweight.yaml --diff",
                  "  vectorweight plan -q -c homelab.yaml || vectorweight generate -c homelab.yaml"})
public class RepoPlanCommand implements Callable<Integer> {
    /** Exit code: generate would change files. */
    public static final int CHANGES = 10;
    /** Exit code: hand-edited files (conflicts) are present. */
    public static final int CONFLICTS = 11;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The vectorweight config file.")
    Path config;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The generated repository (default: ./<project_name>-deployment).")
    Path dir;

    @Option(names = "--diff", description = "Print a unified diff for every file that would change.")
    boolean diff;

    @Option(names = {"-a", "--all"}, description = "List unchanged files too.")
    boolean all;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        Vectorweight vw = new Vectorweight(context.configLoader());
        Vectorweight.Outcome outcome = vw.plan(context.workingDir().resolve(config),
                dir == null ? null : context.workingDir().resolve(dir), context.workingDir());
        outcome.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        if (outcome.plan().recovered()) {
            spec.commandLine().getErr().println("note: the last generate in " + outcome.output()
                    + " was interrupted; the next generate completes it");
        }
        int code = outcome.plan().hasConflicts() ? CONFLICTS : outcome.plan().upToDate() ? 0 : CHANGES;
        if (output.json()) {
            Map<String, Object> result = PlanPrinter.json(outcome.plan());
            result.put("output", outcome.output().toString());
            result.put("up_to_date", code == 0);
            JsonOutput.write(spec.commandLine().getOut(), result);
        } else {
            PlanPrinter.text(spec.commandLine().getOut(), outcome.plan(), all, diff);
            if (code == 0) {
                spec.commandLine().getOut().println(outcome.output() + " is up to date");
            }
        }
        spec.commandLine().getOut().flush();
        return code;
    }
}
