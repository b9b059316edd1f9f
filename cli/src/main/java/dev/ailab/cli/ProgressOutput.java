package dev.ailab.cli;

import dev.ailab.core.io.Progress;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one decision of every command about progress: shown on stderr when stderr is a terminal
 * and the run is not {@code -q}, in colour unless {@code NO_COLOR} is set (any value, as
 * no-color.org says).
 */
public final class ProgressOutput {
    private ProgressOutput() {
    }

    public static Progress of(CommandSpec spec) {
        RunContext context = RootCommand.contextOf(spec);
        var parsed = spec.root().commandLine().getParseResult();
        boolean quiet = parsed != null && Verbosity.of(parsed).level() < 0;
        return Progress.on(spec.commandLine().getErr(), context.stderrTerminal() && !quiet,
                !context.env().containsKey("NO_COLOR"));
    }
}
