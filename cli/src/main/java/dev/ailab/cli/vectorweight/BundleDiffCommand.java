package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.generators.bundle.BundleDiff;
import dev.ailab.generators.bundle.BundleVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vectorweight bundle diff}: what changed between two bundles, from their manifests. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"List the charts, images and files that differ between two bundles.",
                "Reads only the manifests, so a site can tell what a new bundle brings before carrying it in."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 listed (also when nothing differs), 1 a file is not a bundle or cannot be read", "",
                  "Example:", "  vectorweight bundle diff lab-2026-11.bundle lab-2026-12.bundle"})
public class BundleDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier bundle.")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later bundle.")
    Path newer;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        Path a = context.workingDir().resolve(older);
        Path b = context.workingDir().resolve(newer);
        List<BundleDiff.Change> changes = BundleDiff.of(BundleVerifier.readManifest(a), BundleVerifier.readManifest(b));
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("old", a.toString());
            doc.put("new", b.toString());
            doc.put("changes", changes.stream().map(c -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kind", c.kind());
                row.put("name", c.name());
                row.put("change", c.change());
                row.put("from", c.from());
                row.put("to", c.to());
                return row;
            }).toList());
            JsonOutput.write(out, doc);
        } else if (changes.isEmpty()) {
            out.println("no differences: same charts, images and files");
        } else {
            changes.forEach(c -> out.printf("%-8s %-5s %s%n", c.change(), c.kind(), c.name()));
        }
        out.flush();
        return 0;
    }
}
