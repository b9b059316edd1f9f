package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.cli.VersionProvider;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.IoMessages;
import dev.ailab.generators.bundle.BundleCreator;
import dev.ailab.generators.bundle.BundleManifest;
import dev.ailab.generators.vectorweight.Vectorweight;
import dev.ailab.sources.network.NetworkSourceHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vectorweight bundle create}: everything an airgapped site needs, in one verified file. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Fetch every chart the config needs, find their images, and write one bundle.",
                "Runs on a connected machine. Charts come from their repositories at the pinned versions "
                        + "(index.yaml, then the package checked against its digest; from an OCI registry, the chart "
                        + "layer pinned to its digest); each is rendered with the generated values to list the images it "
                        + "runs (renders are remembered under the cache folder, ~/.cache/ai-lab/bundle-renders); with --images those are copied by digest "
                        + "(skopeo). The same config gives the same bundle, byte for byte."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 written, 2 invalid config, 3 a repository or registry failed (or a digest did not match)", "",
                  "Examples:",
                  "  vectorweight bundle create --config vectorweight.yaml",
                  "  vectorweight bundle create -c vw.yaml --images --platform linux/arm64",
                  "  vectorweight bundle create -c vw.yaml --chart-repository https://charts.lab",
                  "  vectorweight bundle create -c vw.yaml --chart-repository oci://reg.lab/charts"})
public class BundleCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The vectorweight config file.")
    Path config;

    @Option(names = "--file", paramLabel = "FILE", description = "The bundle to write (default: ./<project_name>.bundle).")
    Path file;

    @Option(names = "--images", description = "Also copy every image into the bundle (needs skopeo).")
    boolean images;

    @Option(names = "--platform", paramLabel = "OS/ARCH", defaultValue = "linux/amd64",
            description = "The platform of the images to copy (default: ${DEFAULT-VALUE}).")
    String platform;

    @Option(names = "--chart-repository", paramLabel = "URL",
            description = "Fetch every chart from this Helm repository or OCI registry (oci://HOST/PATH) instead of its "
                    + "upstream one (a mirror or cache).")
    String chartRepository;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        if (platform != null && !platform.matches("[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?")) {
            throw new InvalidInputException("--platform takes OS/ARCH such as linux/amd64, got '" + platform + "'",
                    "write it as linux/amd64 or linux/arm64");
        }
        Path configFile = context.workingDir().resolve(config);
        ToolkitConfig cfg = new Vectorweight(context.configLoader()).validate(configFile);
        byte[] raw;
        try {
            raw = Files.readAllBytes(configFile);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + configFile + ": " + IoMessages.describe(e), IoMessages.hint(e));
        }
        Path target = file != null ? context.workingDir().resolve(file) : context.workingDir().resolve(cfg.projectName + ".bundle");
        BundleCreator.Created created;
        try (BundleLines progress = BundleLines.of(spec)) {
            BundleCreator creator = new BundleCreator(new NetworkSourceHandler(context.env()),
                    VersionProvider.buildInfo().getProperty("version", "unknown"), progress);
            created = creator.create(cfg, raw, configFile.toAbsolutePath().getParent(), target,
                    new BundleCreator.Options(chartRepository, images, platform, null,
                            context.xdg().cacheHome().resolve("ai-lab/bundle-renders")));
        }
        PrintWriter out = spec.commandLine().getOut();
        BundleManifest m = created.manifest();
        if (output.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", created.file().toString());
            doc.put("sha256", created.sha256());
            doc.put("bytes", created.bytes());
            doc.put("charts", m.charts().stream().map(c -> Map.of("name", c.name(), "version", c.version(), "sha256", c.sha256()))
                    .toList());
            doc.put("images", m.images().stream().map(i -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("reference", i.reference());
                row.put("digest", i.digest());
                return row;
            }).toList());
            doc.put("files", m.files().size());
            JsonOutput.write(out, doc);
        } else {
            m.charts().forEach(c -> out.println("chart  " + c.name() + " " + c.version() + "  sha256:" + c.sha256()));
            m.images().forEach(i -> out.println("image  " + i.reference() + (i.digest() == null ? "  (listed; --images copies it)"
                    : "  " + i.digest())));
            out.println(created.file() + ": " + m.charts().size() + " charts, " + m.images().size() + " images, "
                    + m.files().size() + " files, " + created.bytes() + " bytes");
            out.println("sha256: " + created.sha256());
        }
        out.flush();
        return 0;
    }

}
