package dev.ailab.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Base of the three root commands: holds the {@link RunContext} that every subcommand reads. */
public abstract class RootCommand implements Runnable {
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

    /**
     * The subcommands in help order. They are not in the {@code @Command} annotation because
     * picocli would build the model of every one of them on every run; the factory registers
     * only the one a command line names (all of them for help and completion).
     */
    public abstract List<Class<?>> subcommands();

    /** A root command run alone prints its usage. */
    protected abstract CommandSpec spec();

    @Override
    public void run() {
        spec().commandLine().usage(spec().commandLine().getOut());
    }
}
