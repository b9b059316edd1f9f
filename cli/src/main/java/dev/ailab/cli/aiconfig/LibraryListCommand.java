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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the effective view (library overlaid with personal) and where each file comes from.",
                "Origins: library, personal, override (a personal file replacing a library file). GLOB matches the path, "
                        + "or the file name when it has no '/'."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config library list", "  ai-config library list 'prompts/**/*.md'", "  ai-config library list '*.yaml' --output json"})
public class LibraryListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    HomeOption home;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GLOB", description = "Only paths matching this glob.")
    String glob;

    @Override
    public Integer call() {
        Library library = AiConfigSupport.library(spec, AiConfigSupport.config(config, home, Map.of()));
        if (!library.isPresent()) {
            library.repository(); // explains that there is no library
        }
        List<Library.EffectiveFile> files = library.list(glob);
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(spec.commandLine().getOut(), 1 << 16));
        if (output.json()) {
            JsonOutput.write(out, files);
        } else {
            StringBuilder sb = new StringBuilder(files.size() * 48);
            for (Library.EffectiveFile f : files) {
                sb.append(f.origin() == Library.Origin.LIBRARY ? "library   " : f.origin() == Library.Origin.PERSONAL
                        ? "personal  " : "override  ").append(f.path()).append('\n');
            }
            out.print(sb);
        }
        out.flush();
        return 0;
    }
}
