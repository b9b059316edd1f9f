package dev.ailab.cli;

import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.error.IoMessages;
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
    static {
        // picocli's factory looks for Groovy's Closure class; the miss opens every one of the
        // 59 jars on the class path to search them, about 0.035 s of every run.
        System.setProperty("picocli.disable.closures", "true");
        // Before any library asks SLF4J for a logger: Logback starts only when something logs.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", DeferredLogbackProvider.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN"); // no line saying which provider
            }
        }
    }

    private CommandLineFactory() {
    }

    /** The whole command tree: for help, completion and documentation. */
    public static CommandLine create(RootCommand root, RunContext context, PrintWriter out, PrintWriter err) {
        return create(root, context, out, err, null);
    }

    /**
     * The command tree needed to run {@code args}: along the path of subcommand words they name,
     * only the named subcommand of each group is built, which keeps start-up short. A group whose
     * next word names none of its subcommands (help, completion, a typo) gets all of them, as
     * does the whole tree when {@code args} is null.
     */
    public static CommandLine create(RootCommand root, RunContext context, PrintWriter out, PrintWriter err,
                                     String[] args) {
        root.context(context);
        CommandLine cl = new CommandLine(root);
        // --version alone needs no subcommand at all.
        boolean versionOnly = args != null && nextWord(args, 0) < 0
                && java.util.Arrays.stream(args).anyMatch(a -> a.equals("-V") || a.equals("--version"));
        if (!versionOnly) {
            addSubcommands(cl, args, 0);
        }
        HelpLayout.install(cl);
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

    /** Registers the subcommands of {@code parent} needed for the words of {@code args} from {@code from}. */
    private static void addSubcommands(CommandLine parent, String[] args, int from) {
        if (!(parent.getCommand() instanceof CommandGroup group)) {
            return;
        }
        int at = args == null ? -1 : nextWord(args, from);
        if (at >= 0 && !args[at].equals("completion")) {
            for (Class<?> sub : group.subcommands()) {
                if (names(sub).contains(args[at])) {
                    CommandLine child = new CommandLine(sub);
                    parent.addSubcommand(child);
                    addSubcommands(child, args, at + 1);
                    return;
                }
            }
        }
        for (Class<?> sub : group.subcommands()) {
            CommandLine child = new CommandLine(sub);
            parent.addSubcommand(child);
            addSubcommands(child, null, 0);
        }
    }

    /** The index of the first argument from {@code from} that is not an option, or -1. */
    private static int nextWord(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (args[i].equals("--")) {
                return -1;
            }
            if (!args[i].startsWith("-")) {
                return i;
            }
        }
        return -1;
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
        String command = cl.getCommandSpec().qualifiedName();
        String worded = ParameterMessages.describe(ex);
        if (worded != null) {
            err.println("error: " + worded);
        } else if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            boolean option = word.startsWith("-");
            java.util.Collection<String> candidates = option
                    ? cl.getCommandSpec().optionsMap().keySet() : cl.getSubcommands().keySet();
            if (!option && !cl.getSubcommands().isEmpty()) {
                err.println("error: '" + word + "' is not a command of " + command);
            } else {
                err.println("error: " + (option ? "unknown option '" : "unexpected argument '") + word + "'");
            }
            String nearest = dev.ailab.core.config.Suggestions.closest(word, candidates);
            if (nearest != null) {
                err.println("Did you mean '" + command + " " + nearest + "'?");
            }
        } else {
            err.println("error: " + ex.getMessage());
        }
        err.println("hint: run '" + command + " --help' for usage and examples");
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
            err.println("error: " + IoMessages.reword(io.getMessage(), io.getCause()));
            err.println("hint: " + IoMessages.hint(io.getCause()));
            // A file that is not text is bad input, like a bad value; anything else is the file system's.
            code = io.getCause() instanceof java.nio.charset.CharacterCodingException ? ExitCodes.USAGE : ExitCodes.FAILED;
        } else {
            // A bug: the class name and the stack trace are for the report (-x), not the message.
            err.println("error: internal error: " + (ex.getMessage() == null ? "no details" : ex.getMessage()));
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
