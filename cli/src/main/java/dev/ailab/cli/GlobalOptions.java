package dev.ailab.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, anywhere on the command line. Their values are collected
 * from the parse result by {@link CommandLineFactory} (see {@link Verbosity#of}).
 */
public class GlobalOptions {
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More output on stderr: -v info, -vv debug (stack traces only with -x).")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Only errors on stderr.")
    boolean quiet;

    @Option(names = {"-x", "--stacktrace"}, scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean stacktrace;
}
