package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.generators.bundle.BundleImporter;
import dev.ailab.sources.git.GitSources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vectorweight bundle import}: on the airgapped side, verify, then lay out what each mode needs. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Verify a bundle, then lay it out for the airgapped modes and print the config lines to use.",
                "DIR/charts (mode local), DIR/git-mirror (a git repository, branch main, committed "
                        + "deterministically; --git-mirror pushes it, mode airgapped_git), "
                        + "DIR/repository (the generated GitOps repository); the images are pushed to the registry "
                        + "(--registry, or the config's sources.image_registry) with skopeo."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 imported, 1 the bundle failed verification (nothing imported), 3 the registry failed", "",
                  "Examples:",
                  "  vectorweight bundle import lab.bundle --dir /srv/vectorweight",
                  "  vectorweight bundle import lab.bundle --dir site --registry reg.lab:5000",
                  "  vectorweight bundle import lab.bundle --dir site --git-mirror ssh://git.lab/m"})
public class BundleImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The bundle.")
    Path bundle;

    @Option(names = "--dir", paramLabel = "DIR", required = true, description = "The folder to lay the bundle out in.")
    Path dir;

    @Option(names = "--registry", paramLabel = "HOST[:PORT]", description = "The registry to push the images to.")
    String registry;

    @Option(names = "--git-mirror", paramLabel = "URL",
            description = "Also push the git mirror's main branch to this repository (the config's sources.git_mirror).")
    String gitMirror;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        BundleImporter.Imported r;
        try (BundleLines progress = BundleLines.of(spec)) {
            r = new BundleImporter(progress, null, GitSources.detect(context.env()))
                    .importTo(context.workingDir().resolve(bundle), context.workingDir().resolve(dir), registry, gitMirror, null);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dir", r.dir().toString());
            doc.put("sha256", r.bundleSha256());
            doc.put("registry", r.registry());
            doc.put("pushed", r.pushed());
            doc.put("git_mirror_commit", r.mirrorCommit());
            doc.put("git_mirror_pushed_to", r.mirrorPushedTo());
            Map<String, String> lines = new LinkedHashMap<>();
            r.configLines().forEach((mode, l) -> lines.put(mode, String.join("\n", l) + "\n"));
            doc.put("config_lines", lines);
            JsonOutput.write(out, doc);
        } else {
            out.println(r.dir() + ": charts/, git-mirror/ and repository/ laid out; " + r.pushed().size() + " image(s) pushed"
                    + (r.registry() == null ? "" : " to " + r.registry()));
            out.println("git mirror: " + r.dir().resolve("git-mirror") + " at commit " + r.mirrorCommit() + " (branch "
                    + BundleImporter.MIRROR_BRANCH + ")" + (r.mirrorPushedTo() == null ? "" : ", pushed to " + r.mirrorPushedTo()));
            for (Map.Entry<String, List<String>> e : r.configLines().entrySet()) {
                out.println();
                out.println("# mode " + e.getKey() + ":");
                e.getValue().forEach(out::println);
            }
        }
        out.flush();
        return 0;
    }
}
