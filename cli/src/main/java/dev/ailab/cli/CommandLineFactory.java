package dev.ailab.cli;

import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.error.ToolkitException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

    /** The whole command tree: for help, completion and documentation. */
    public static CommandLine create(RootCommand root, RunContext context, PrintWriter out, PrintWriter err) {
        return create(root, context, out, err, null);
    }

    /**
     * The command tree needed to run {@code args}: only the subcommand they name is built, which
     * keeps start-up short (the full tree when they name none, or for help and completion).
     */
    public static CommandLine create(RootCommand root, RunContext context, PrintWriter out, PrintWriter err,
                                     String[] args) {
        root.context(context);
        CommandLine cl = new CommandLine(root);
        String wanted = args == null ? null : firstWord(args);
        boolean registered = false;
        if (wanted != null && !wanted.equals("completion")) {
            for (Class<?> sub : root.subcommands()) {
                if (names(sub).contains(wanted)) {
                    cl.addSubcommand(new CommandLine(sub));
                    registered = true;
                    break;
                }
            }
        }
        // --version needs no subcommand at all; help, completion and typos need them all.
        boolean versionOnly = wanted == null && args != null
                && java.util.Arrays.stream(args).anyMatch(a -> a.equals("-V") || a.equals("--version"));
        if (!registered && !versionOnly) {
            root.subcommands().forEach(sub -> cl.addSubcommand(new CommandLine(sub)));
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli finds the terminal width by starting `stty` or `tput`: a process (about 0.05 s)
        // on every run. Only a person at a terminal needs it; scripts get COLUMNS or 80.
        cl.setUsageHelpAutoWidth(context.interactive() && !context.env().containsKey("COLUMNS"));
        cl.setUsageHelpWidth(context.env().containsKey("COLUMNS")
                ? Math.max(55, Math.min(TextTable.terminalWidth(context.env()), 160)) : 80);
        if (context.env().containsKey("NO_COLOR") || !context.interactive()) {
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
        }
        cl.setExecutionStrategy(parseResult -> {
            LoggingSetup.prepare(Verbosity.of(parseResult), context);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setParameterExceptionHandler(CommandLineFactory::handleParameterError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                handleExecutionError(ex, commandLine, Verbosity.of(parseResult)));
        return cl;
    }

    private static String firstWord(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return null;
            }
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    private static java.util.List<String> names(Class<?> sub) {
        Command command = sub.getAnnotation(Command.class);
        if (command == null) {
            return java.util.List.of();
        }
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(command.aliases()));
        names.add(command.name());
        return names;
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
        int code = create(root, RunContext.system(), out, err, args).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
