package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.core.diff.UnifiedDiff;
import dev.ailab.sources.git.GitClient;
import dev.ailab.sources.library.Library;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Unified diffs: library vs your personal override, your local edit in library/ vs the library's "
                + "version, and the library's version vs the upstream one fetched but not applied.",
                "Without PATH: every local edit and override, and the names of pending upstream changes."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config library diff prompts/review.md", "  ai-config library diff"})
public class LibraryDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    HomeOption home;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "File relative to the library.")
    String path;

    @Override
    public Integer call() {
        Library library = AiConfigSupport.library(spec, AiConfigSupport.config(config, home, Map.of()));
        PrintWriter out = spec.commandLine().getOut();
        if (path != null) {
            String rel = Library.safeRelative(path);
            int shown = one(library, rel, out, true);
            if (shown == 0) {
                out.println("No differences for " + rel + ".");
            }
            out.flush();
            return 0;
        }
        Library.Status s = library.status();
        int shown = 0;
        for (String p : s.localEdits()) {
            shown += one(library, p, out, false);
        }
        for (String p : s.overrides()) {
            if (!s.localEdits().contains(p)) {
                shown += one(library, p, out, false);
            }
        }
        if (!s.pending().isEmpty()) {
            out.println("# upstream changes fetched, not applied (see one with 'ai-config library diff PATH'):");
            for (GitClient.Change c : s.pending()) {
                out.println("#   " + c.kind().name().charAt(0) + " " + c.path());
            }
            shown++;
        }
        if (shown == 0) {
            out.println("No local edits, no overrides, nothing pending.");
        }
        out.flush();
        return 0;
    }

    private static int one(Library library, String rel, PrintWriter out, boolean withPending) {
        Path working = library.home().library().resolve(rel);
        Path personal = library.home().personal().resolve(rel);
        byte[] committed = library.committed(rel);
        byte[] local = read(working);
        int shown = 0;
        if (!java.util.Arrays.equals(committed, local)) {
            shown += print(out, "local edit in library/", UnifiedDiff.between("library@HEAD/" + rel, committed, "library/" + rel, local));
        }
        if (Files.isRegularFile(personal)) {
            shown += print(out, "personal override", UnifiedDiff.between("library/" + rel, local, "personal/" + rel, read(personal)));
        }
        if (withPending) {
            byte[] upstream = library.upstream(rel);
            if (!java.util.Arrays.equals(committed, upstream)) {
                shown += print(out, "upstream change not applied yet",
                        UnifiedDiff.between("library@HEAD/" + rel, committed, "upstream/" + rel, upstream));
            }
        }
        return shown;
    }

    private static int print(PrintWriter out, String title, String diff) {
        if (diff.isEmpty()) {
            return 0;
        }
        out.println("# " + title);
        out.print(diff);
        return 1;
    }

    private static byte[] read(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
