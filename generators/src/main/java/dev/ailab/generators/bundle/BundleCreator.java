package dev.ailab.generators.bundle;

import com.marcnuri.helm.Helm;
import dev.ailab.core.config.SourcesConfig;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.IoMessages;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.FileTrees;
import dev.ailab.core.io.Sha256;
import dev.ailab.generators.charts.ChartResolver;
import dev.ailab.generators.charts.UpstreamChart;
import dev.ailab.generators.vectorweight.ChartUsage;
import dev.ailab.generators.vectorweight.GeneratedRepository;
import dev.ailab.generators.vectorweight.VectorweightGenerator;
import dev.ailab.sources.SourceHandler.SourceRequest;
import dev.ailab.sources.network.NetworkSourceHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code vectorweight bundle create}: on a connected machine, fetches every chart the config
 * needs at its pinned version (the repository's index.yaml, then the package, checked against
 * the index's digest), renders each with the config's generated values to collect the images it
 * names, optionally copies those images by digest into an OCI layout, generates the GitOps
 * repository, and writes one deterministic bundle with a manifest of every file.
 */
public final class BundleCreator {
    static final String CONFIG = "config/vectorweight.yaml";
    static final String CHARTS = "charts/";
    static final String IMAGES = "images/";
    static final String REPOSITORY = "repository/";
    private static final long MAX_INDEX = 64L << 20;

    /** {@code chartRepository}: fetch every chart from there instead of its upstream (a local mirror or cache). */
    public record Options(String chartRepository, boolean images, String platform, String skopeo) {
    }

    public record Created(Path file, BundleManifest manifest, String sha256, long bytes) {
    }

    private final NetworkSourceHandler network;
    private final String toolkitVersion;
    private final BundleProgress progress;

    public BundleCreator(NetworkSourceHandler network, String toolkitVersion, BundleProgress progress) {
        this.network = network;
        this.toolkitVersion = toolkitVersion;
        this.progress = progress == null ? BundleProgress.NONE : progress;
    }

    public Created create(ToolkitConfig config, byte[] configBytes, Path configDir, Path file, Options options) {
        Path parent = file.toAbsolutePath().getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, ".bundle-");
        } catch (IOException e) {
            throw new OperationFailedException("cannot write in " + parent + ": " + IoMessages.describe(e), IoMessages.hint(e));
        }
        try {
            Map<UpstreamChart, List<String>> uses = ChartUsage.of(config);
            List<BundleManifest.Chart> charts = fetchCharts(uses.keySet(), staging.resolve(CHARTS), options);
            GeneratedRepository repo = generate(config, configDir, staging.resolve(CHARTS), true);
            // the site's values name its own registry; the images to fetch are the charts' own
            Map<String, Set<String>> imageCharts = scanImages(uses, generate(config, configDir, staging.resolve(CHARTS), false), staging);
            List<BundleManifest.Image> images = new ArrayList<>();
            Skopeo skopeo = options.images() ? new Skopeo(options.skopeo()) : null;
            int n = 0;
            for (Map.Entry<String, Set<String>> image : imageCharts.entrySet()) {
                String digest = null;
                if (skopeo != null) {
                    progress.step("image " + (++n) + "/" + imageCharts.size() + " " + image.getKey());
                    digest = skopeo.toLayout(image.getKey(), staging.resolve(IMAGES), options.platform(), staging);
                }
                images.add(new BundleManifest.Image(image.getKey(), digest, List.copyOf(image.getValue())));
            }
            for (Path digestFile : list(staging, "digest-")) {
                Files.delete(digestFile);
            }
            writeTree(staging.resolve(REPOSITORY), repo);
            Files.createDirectories(staging.resolve(CONFIG).getParent());
            Files.write(staging.resolve(CONFIG), configBytes);

            List<BundleManifest.FileEntry> files = new ArrayList<>();
            List<BundleTar.Entry> entries = new ArrayList<>();
            TreeMap<String, Path> all = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(staging)) {
                walk.filter(Files::isRegularFile).forEach(f -> all.put(staging.relativize(f).toString().replace('\\', '/'), f));
            }
            for (Map.Entry<String, Path> f : all.entrySet()) {
                files.add(new BundleManifest.FileEntry(f.getKey(), Files.size(f.getValue()), Sha256.ofFile(f.getValue())));
                entries.add(new BundleTar.Entry(f.getKey(), f.getValue(), null));
            }
            SourcesConfig.Mode mode = config.sources == null || config.sources.mode == null ? SourcesConfig.Mode.INTERNET
                    : config.sources.mode;
            BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, toolkitVersion, VectorweightGenerator.VERSION,
                    config.projectName, mode.word(), Sha256.of(configBytes), charts, images, files);
            byte[] raw = manifest.toBytes();
            entries.add(0, new BundleTar.Entry(BundleManifest.PATH, null, raw));
            entries.add(1, new BundleTar.Entry(BundleManifest.CHECKSUM_PATH, null,
                    (Sha256.of(raw) + "  " + BundleManifest.PATH + "\n").getBytes(StandardCharsets.US_ASCII)));
            progress.step("writing " + file + " (" + files.size() + " files)");
            BundleTar.write(file, entries);
            return new Created(file, manifest, Sha256.ofFile(file), Files.size(file));
        } catch (IOException e) {
            throw new OperationFailedException("cannot make the bundle " + file + ": " + IoMessages.describe(e), IoMessages.hint(e));
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    private static List<Path> list(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    private List<BundleManifest.Chart> fetchCharts(Set<UpstreamChart> needed, Path dir, Options options) {
        List<BundleManifest.Chart> charts = new ArrayList<>();
        Map<String, HelmIndex> indexes = new TreeMap<>();
        int n = 0;
        for (UpstreamChart chart : needed) {
            String repository = options.chartRepository() != null ? options.chartRepository() : chart.repository;
            if (repository.startsWith("oci://")) {
                throw new OperationFailedException("the chart " + chart.chart + " is in the OCI registry " + repository
                        + ", which bundle create does not read yet", "give a Helm repository with --chart-repository");
            }
            progress.step("chart " + (++n) + "/" + needed.size() + " " + chart.chart + " " + chart.version);
            HelmIndex index = indexes.computeIfAbsent(repository, r -> new HelmIndex(
                    network.fetchSmall(r.replaceAll("/+$", "") + "/index.yaml", MAX_INDEX), r));
            String[] at = index.find(chart.chart, chart.version);
            String file = ChartResolver.packageName(chart);
            var fetched = network.materialize(SourceRequest.pinned(at[0], at[1]), dir.resolve(file));
            charts.add(new BundleManifest.Chart(chart.chart, chart.version, CHARTS + file, fetched.sha256(), repository));
        }
        return charts;
    }

    /**
     * The repository as the site will have it; an archive-mode config vendors the charts just
     * fetched. Without {@code siteImages} the values keep the charts' own image registries.
     */
    private static GeneratedRepository generate(ToolkitConfig config, Path configDir, Path chartsDir, boolean siteImages) {
        SourcesConfig original = config.sources;
        if (original != null && (!siteImages
                || original.mode == SourcesConfig.Mode.AIRGAPPED_ARCHIVE && original.chartRepository == null)) {
            SourcesConfig local = new SourcesConfig();
            local.mode = original.mode;
            local.gitMirror = original.gitMirror;
            local.gitPathScheme = original.gitPathScheme;
            local.chartRepository = original.chartRepository;
            local.archive = original.archive;
            local.archiveSha256 = original.archiveSha256;
            local.localPath = original.localPath;
            if (original.mode == SourcesConfig.Mode.AIRGAPPED_ARCHIVE && original.chartRepository == null) {
                local.mode = SourcesConfig.Mode.LOCAL;
                local.localPath = chartsDir.toString();
                local.archive = null;
                local.archiveSha256 = null;
            }
            local.imageRegistry = siteImages ? original.imageRegistry : null;
            config.sources = local;
        }
        try {
            return new VectorweightGenerator().generate(config, configDir);
        } finally {
            config.sources = original;
        }
    }

    /** Image reference to the charts that need it, from each chart rendered with each of its values files. */
    private Map<String, Set<String>> scanImages(Map<UpstreamChart, List<String>> uses, GeneratedRepository repo, Path staging)
            throws IOException {
        Map<String, Set<String>> images = new TreeMap<>();
        Path values = staging.resolve("values-for-render.yaml");
        for (Map.Entry<UpstreamChart, List<String>> use : uses.entrySet()) {
            UpstreamChart chart = use.getKey();
            Path tgz = staging.resolve(CHARTS).resolve(ChartResolver.packageName(chart));
            Set<String> found = new TreeSet<>();
            ImageScan.fromValues(valuesOf(tgz), found);
            for (String valuesPath : use.getValue()) {
                byte[] v = repo.files().get(valuesPath);
                Files.write(values, v == null ? new byte[0] : v);
                progress.step("rendering " + chart.chart + " with " + valuesPath);
                try {
                    String rendered = new Helm(tgz).template().withName(chart.component).withKubeVersion("1.31.0")
                            .withValuesFile(values).call();
                    ImageScan.fromRendered(rendered, found);
                } catch (RuntimeException e) {
                    throw new ExternalSystemException("cannot render the chart " + chart.chart + " " + chart.version + " with "
                            + valuesPath + ": " + firstLine(e.getMessage()), "check the chart package and the generated values");
                }
            }
            found.forEach(i -> images.computeIfAbsent(i, k -> new TreeSet<>()).add(chart.chart));
        }
        Files.deleteIfExists(values);
        return images;
    }

    private static String firstLine(String s) {
        return s == null ? "failed" : s.lines().findFirst().orElse("failed");
    }

    /** The chart's own values.yaml (top folder of the package), or nothing. */
    private static byte[] valuesOf(Path tgz) throws IOException {
        try (InputStream in = Files.newInputStream(tgz);
             TarArchiveInputStream tar = new TarArchiveInputStream(new java.util.zip.GZIPInputStream(in, 1 << 16))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName();
                if (name.indexOf('/') == name.lastIndexOf('/') && name.endsWith("/values.yaml") && e.isFile()) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    tar.transferTo(out);
                    return out.toByteArray();
                }
            }
        }
        return new byte[0];
    }

    private static void writeTree(Path root, GeneratedRepository repo) throws IOException {
        for (Map.Entry<String, byte[]> f : repo.files().entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
    }
}
