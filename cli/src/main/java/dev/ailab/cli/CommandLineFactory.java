package dev.ailab.cli;

import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.error.ToolkitException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds every {@link CommandLine}: exit-code mapping, short error messages with a hint, the
 * stack trace only when asked for, logging set up from the global options. {@code main} and
 * the tests both go through here.
 */
public final class CommandLineFactory {
    private CommandLineFactory() {
    }

    public static CommandLine create(RootCommand root, RunContext context, PrintWriter out, PrintWriter err) {
        root.context(context);
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        if (context.env().containsKey("NO_COLOR") || !context.interactive()) {
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
        }
        cl.setExecutionStrategy(parseResult -> {
            LoggingSetup.apply(Verbosity.of(parseResult), context);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setParameterExceptionHandler(CommandLineFactory::handleParameterError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                handleExecutionError(ex, commandLine, Verbosity.of(parseResult)));
        return cl;
    }

    private static int handleParameterError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("hint: run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage and examples");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int handleExecutionError(Exception ex, CommandLine cl, Verbosity verbosity) {
        PrintWriter err = cl.getErr();
        int code;
        if (ex instanceof ToolkitException te) {
            err.println("error: " + te.getMessage());
            if (te.hint() != null && !te.hint().isBlank()) {
                err.println("hint: " + te.hint());
            }
            code = te.exitCode();
        } else if (ex instanceof UncheckedIOException io) {
            // File system trouble the user can act on: a full disk, a missing permission.
            err.println("error: " + io.getMessage());
            err.println("hint: check the path, the free space and the permissions");
            code = ExitCodes.FAILED;
        } else {
            err.println("error: internal error: " + ex);
            err.println("hint: this is a bug; run again with -x and report the stack trace");
            code = ExitCodes.INTERNAL;
        }
        if (verbosity.stacktrace()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** Runs a front from {@code main}: real streams, real environment, and exits. */
    public static void main(RootCommand root, String[] args) {
        PrintWriter out = new PrintWriter(System.out, false);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = create(root, RunContext.system(), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
