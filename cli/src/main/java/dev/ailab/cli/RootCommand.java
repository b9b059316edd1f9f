package dev.ailab.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Base of the three root commands: holds the {@link RunContext} that every subcommand reads. */
public abstract class RootCommand implements java.util.concurrent.Callable<Integer>, CommandGroup {
    private RunContext context = RunContext.system();

    public RunContext context() {
        return context;
    }

    void context(RunContext context) {
        this.context = context;
    }

    /** The context of the command tree that {@code spec} belongs to. */
    public static RunContext contextOf(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof RootCommand r ? r.context() : RunContext.system();
    }

    protected abstract CommandSpec spec();

    /** Run alone, a front is used like a group without its subcommand: usage on stderr, exit 2. */
    @Override
    public Integer call() {
        spec().commandLine().usage(spec().commandLine().getErr());
        return dev.ailab.core.error.ExitCodes.USAGE;
    }
}
