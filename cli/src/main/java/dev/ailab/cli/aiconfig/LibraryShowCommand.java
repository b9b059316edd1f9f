package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.sources.library.Library;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the effective content of PATH (your personal version when you override it); "
                + "where it comes from goes to stderr.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config library show prompts/review.md", "  ai-config library show prompts/review.md --upstream"})
public class LibraryShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    HomeOption home;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", paramLabel = "PATH", description = "File relative to the library.")
    String path;

    @Option(names = "--library", description = "Show the library's committed version, ignoring personal/ and local edits.")
    boolean committed;

    @Option(names = "--upstream", description = "Show the version fetched from upstream (after 'update --dry-run' or a stopped update).")
    boolean upstream;

    @Override
    public Integer call() {
        Library library = AiConfigSupport.library(spec, AiConfigSupport.config(config, home, Map.of()));
        String origin;
        String word; // the origin in JSON: library, personal, override, committed or upstream
        byte[] content;
        String rel = Library.safeRelative(path);
        if (committed || upstream) {
            content = committed ? library.committed(rel) : library.upstream(rel);
            origin = committed ? "library (committed)" : "upstream (fetched)";
            word = committed ? "committed" : "upstream";
            if (content == null) {
                throw new dev.ailab.core.error.InvalidInputException("no file '" + rel + "' in the " + origin + " version",
                        "list the files with 'ai-config library list'");
            }
        } else {
            Library.Shown shown = library.show(rel);
            content = shown.content();
            origin = shown.origin().label();
            word = JsonOutput.word(shown.origin());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("path", rel);
            doc.put("origin", word);
            doc.put("content", new String(content, StandardCharsets.UTF_8));
            JsonOutput.write(out, doc);
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("# " + rel + " from " + origin);
        err.flush();
        out.print(new String(content, StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }
}
