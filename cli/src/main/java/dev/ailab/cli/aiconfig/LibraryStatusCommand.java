package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.sources.git.GitClient;
import dev.ailab.sources.library.Library;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the library's version, local edits in library/, personal overrides, and upstream changes "
                + "waiting since the last fetch ('library update --dry-run' fetches). Works offline."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config library status", "  ai-config library status --output json | jq .local_edits"})
public class LibraryStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    HomeOption home;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        Library library = AiConfigSupport.library(spec, AiConfigSupport.config(config, home, Map.of()));
        Library.Status s = library.status();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.write(out, s);
            return 0;
        }
        out.printf("Library:  %s (branch %s)%n", library.home().library(), s.branch());
        out.printf("Version:  %s %s%s%n", s.head().substring(0, 10), s.headSummary(),
                s.current() == null ? "" : "  (version " + s.current().number() + ", " + s.current().action() + " "
                        + Instant.parse(s.current().time()).toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z") + ")");
        out.printf("Files:    %d in the effective view%n", s.files());
        if (s.pending().isEmpty()) {
            out.println("Upstream: nothing pending since the last fetch");
        } else {
            out.printf("Upstream: %d file(s) changed, not applied yet (run 'ai-config library update')%n", s.pending().size());
            AiConfigSupport.printList(out, "  ", s.pending().stream().map(c -> c.kind().name().charAt(0) + " " + c.path()).toList(), 20);
        }
        if (s.localEdits().isEmpty()) {
            out.println("Local edits in library/: none");
        } else {
            out.printf("Local edits in library/: %d (kept by updates; move them to personal/ to keep them safe)%n", s.localEdits().size());
            AiConfigSupport.printList(out, "  ", s.localEdits(), 20);
        }
        out.printf("Personal overrides: %d%n", s.overrides().size());
        AiConfigSupport.printList(out, "  ", s.overrides(), 20);
        if (!s.orphanedOverrides().isEmpty()) {
            out.printf("Overrides of files deleted upstream: %d%n", s.orphanedOverrides().size());
            AiConfigSupport.printList(out, "  ", s.orphanedOverrides(), 20);
        }
        out.flush();
        return 0;
    }

    static String kind(GitClient.Change c) {
        return c.kind().name();
    }
}
