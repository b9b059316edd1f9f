package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.diff.UnifiedDiff;
import dev.ailab.sources.git.GitClient;
import dev.ailab.sources.library.Library;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "File relative to the library.")
    String path;

    /** One difference of one file; {@code kind} is local-edit, override or upstream. */
    public record FileDiff(String path, String kind, String diff) {
        String title() {
            return switch (kind) {
                case "local-edit" -> "local edit in library/";
                case "override" -> "personal override";
                default -> "upstream change not applied yet";
            };
        }
    }

    @Override
    public Integer call() {
        Library library = AiConfigSupport.library(spec, AiConfigSupport.config(config, home, Map.of()));
        PrintWriter out = spec.commandLine().getOut();
        String rel = path == null ? null : Library.safeRelative(path);
        List<FileDiff> diffs = new ArrayList<>();
        List<GitClient.Change> pending = List.of();
        if (rel != null) {
            diffs.addAll(one(library, rel, true));
        } else {
            Library.Status s = library.status();
            for (String p : s.localEdits()) {
                diffs.addAll(one(library, p, false));
            }
            for (String p : s.overrides()) {
                if (!s.localEdits().contains(p)) {
                    diffs.addAll(one(library, p, false));
                }
            }
            pending = s.pending();
        }
        if (output.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("path", rel);
            doc.put("diffs", diffs);
            doc.put("pending", pending);
            JsonOutput.write(out, doc);
            return 0;
        }
        for (FileDiff d : diffs) {
            out.println("# " + d.title());
            out.print(d.diff());
        }
        if (rel != null) {
            if (diffs.isEmpty()) {
                out.println("No differences for " + rel + ".");
            }
            out.flush();
            return 0;
        }
        if (!pending.isEmpty()) {
            out.println("# upstream changes fetched, not applied (see one with 'ai-config library diff PATH'):");
            for (GitClient.Change c : pending) {
                out.println("#   " + c.kind().name().charAt(0) + " " + c.path());
            }
        }
        if (diffs.isEmpty() && pending.isEmpty()) {
            out.println("No local edits, no overrides, nothing pending.");
        }
        out.flush();
        return 0;
    }

    private static List<FileDiff> one(Library library, String rel, boolean withPending) {
        Path working = library.home().library().resolve(rel);
        Path personal = library.home().personal().resolve(rel);
        byte[] committed = library.committed(rel);
        byte[] local = read(working);
        List<FileDiff> found = new ArrayList<>();
        if (!java.util.Arrays.equals(committed, local)) {
            add(found, rel, "local-edit", UnifiedDiff.between("library@HEAD/" + rel, committed, "library/" + rel, local));
        }
        if (Files.isRegularFile(personal)) {
            add(found, rel, "override", UnifiedDiff.between("library/" + rel, local, "personal/" + rel, read(personal)));
        }
        if (withPending) {
            byte[] upstream = library.upstream(rel);
            if (!java.util.Arrays.equals(committed, upstream)) {
                add(found, rel, "upstream", UnifiedDiff.between("library@HEAD/" + rel, committed, "upstream/" + rel, upstream));
            }
        }
        return found;
    }

    private static void add(List<FileDiff> found, String rel, String kind, String diff) {
        if (!diff.isEmpty()) {
            found.add(new FileDiff(rel, kind, diff));
        }
    }

    private static byte[] read(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
