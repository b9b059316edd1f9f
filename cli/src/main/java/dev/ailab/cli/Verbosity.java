package dev.ailab.cli;

import picocli.CommandLine.ParseResult;

/** How much to say on stderr, read from the global options wherever they appeared. */
public record Verbosity(int level, boolean stacktrace) {
    public static final Verbosity DEFAULT = new Verbosity(0, false);

    /** -1 quiet, 0 default, 1 info, 2 debug. */
    public static Verbosity of(ParseResult result) {
        int verbose = 0;
        boolean quiet = false;
        boolean stacktrace = false;
        for (ParseResult pr = result; pr != null; pr = pr.subcommand()) {
            verbose += pr.matchedOptionValue("--verbose", new boolean[0]).length;
            quiet |= pr.matchedOptionValue("--quiet", false);
            stacktrace |= pr.matchedOptionValue("--stacktrace", false);
        }
        int level = quiet ? -1 : Math.min(verbose, 2);
        return new Verbosity(level, stacktrace); // -v is for logs; only -x prints stack traces, as the README says
    }
}
