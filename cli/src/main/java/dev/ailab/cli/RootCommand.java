package dev.ailab.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Base of the three root commands: holds the {@link RunContext} that every subcommand reads. */
public abstract class RootCommand implements Runnable, CommandGroup {
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

    /** A root command run alone prints its usage. */
    protected abstract CommandSpec spec();

    @Override
    public void run() {
        spec().commandLine().usage(spec().commandLine().getOut());
    }
}
