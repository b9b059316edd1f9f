package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.sources.library.Library;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Find TEXT in the effective view (personal overrides are searched instead of the library file they replace). "
                + "Prints PATH:LINE: text. Exit 1 when nothing is found, like grep.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config library search 'code review'", "  ai-config library search --ignore-case TODO --glob '*.md'"})
public class LibrarySearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    HomeOption home;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", paramLabel = "TEXT", description = "Text to find (plain text, not a pattern).")
    String text;

    @Option(names = "--ignore-case", description = "Ignore upper and lower case.")
    boolean ignoreCase;

    @Option(names = "--glob", paramLabel = "GLOB", description = "Only files whose path matches.")
    String glob;

    @Override
    public Integer call() {
        Library library = AiConfigSupport.library(spec, AiConfigSupport.config(config, home, Map.of()));
        if (!library.isPresent()) {
            library.repository();
        }
        List<Library.Match> matches = library.search(text, ignoreCase, glob);
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(spec.commandLine().getOut(), 1 << 16));
        if (output.json()) {
            JsonOutput.write(out, matches);
        } else {
            for (Library.Match m : matches) {
                out.print(m.path() + ":" + m.line() + ": " + m.text() + (m.origin() == Library.Origin.LIBRARY ? "" : "  [personal]") + "\n");
            }
        }
        out.flush();
        return matches.isEmpty() ? 1 : 0;
    }
}
