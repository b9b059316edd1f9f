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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * {@code chartRepository}: fetch every chart from there instead of its upstream (a Helm
     * repository URL or an {@code oci://} registry path). {@code renderCache}: the folder of
     * remembered renders (null: render every chart).
     */
    public record Options(String chartRepository, boolean images, String platform, String skopeo, Path renderCache) {
        public Options(String chartRepository, boolean images, String platform, String skopeo) {
            this(chartRepository, images, platform, skopeo, null);
        }
    }

    public record Created(Path file, BundleManifest manifest, String sha256, long bytes) {
    }

    /** Renders at once: Helm's template is CPU-bound, and the machine may be shared. */
    static final int RENDER_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

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
            Map<String, Set<String>> imageCharts = scanImages(uses, charts,
                    generate(config, configDir, staging.resolve(CHARTS), false), staging, new RenderCache(options.renderCache()));
            List<BundleManifest.Image> images = new ArrayList<>();
            Skopeo skopeo = options.images() ? new Skopeo(options.skopeo()) : null;
            int n = 0;
            for (Map.Entry<String, Set<String>> image : imageCharts.entrySet()) {
                String digest = null;
                if (skopeo != null) {
                    progress.line("image " + (++n) + "/" + imageCharts.size() + " " + image.getKey());
                    progress.count("images", n - 1, imageCharts.size());
                    digest = skopeo.toLayout(image.getKey(), staging.resolve(IMAGES), options.platform(), staging);
                    progress.count("images", n, imageCharts.size());
                }
                images.add(new BundleManifest.Image(image.getKey(), digest, List.copyOf(image.getValue())));
            }
            for (Path digestFile : list(staging, "digest-")) {
                Files.delete(digestFile);
            }

            // Every entry with its digest: charts as fetched (hashed on the way in), the repository
            // and the config from memory, only the image layout read from disk to be hashed.
            TreeMap<String, BundleTar.Entry> all = new TreeMap<>();
            TreeMap<String, BundleManifest.FileEntry> files = new TreeMap<>();
            for (BundleManifest.Chart c : charts) {
                Path f = staging.resolve(c.file());
                all.put(c.file(), new BundleTar.Entry(c.file(), f, null));
                files.put(c.file(), new BundleManifest.FileEntry(c.file(), Files.size(f), c.sha256()));
            }
            if (Files.isDirectory(staging.resolve(IMAGES))) {
                try (Stream<Path> walk = Files.walk(staging.resolve(IMAGES))) {
                    for (Path f : walk.filter(Files::isRegularFile).toList()) {
                        String name = staging.relativize(f).toString().replace('\\', '/');
                        all.put(name, new BundleTar.Entry(name, f, null));
                        files.put(name, new BundleManifest.FileEntry(name, Files.size(f), Sha256.ofFile(f)));
                    }
                }
            }
            repo.files().forEach((path, bytes) -> {
                String name = REPOSITORY + path;
                all.put(name, new BundleTar.Entry(name, null, bytes));
                files.put(name, new BundleManifest.FileEntry(name, bytes.length, Sha256.of(bytes)));
            });
            all.put(CONFIG, new BundleTar.Entry(CONFIG, null, configBytes));
            files.put(CONFIG, new BundleManifest.FileEntry(CONFIG, configBytes.length, Sha256.of(configBytes)));

            SourcesConfig.Mode mode = config.sources == null || config.sources.mode == null ? SourcesConfig.Mode.INTERNET
                    : config.sources.mode;
            BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, toolkitVersion, VectorweightGenerator.VERSION,
                    config.projectName, mode.word(), Sha256.of(configBytes), charts, images, List.copyOf(files.values()));
            byte[] raw = manifest.toBytes();
            List<BundleTar.Entry> entries = new ArrayList<>();
            entries.add(new BundleTar.Entry(BundleManifest.PATH, null, raw));
            entries.add(new BundleTar.Entry(BundleManifest.CHECKSUM_PATH, null,
                    (Sha256.of(raw) + "  " + BundleManifest.PATH + "\n").getBytes(StandardCharsets.US_ASCII)));
            entries.addAll(all.values());
            progress.line("writing " + file + " (" + files.size() + " files)");
            String sha = BundleTar.write(file, entries, progress);
            return new Created(file, manifest, sha, Files.size(file));
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
            progress.line("chart " + (++n) + "/" + needed.size() + " " + chart.chart + " " + chart.version);
            progress.count("charts", n - 1, needed.size());
            String file = ChartResolver.packageName(chart);
            String sha256;
            if (repository.startsWith("oci://")) {
                sha256 = new OciCharts(network).pull(repository, chart.chart, chart.version, dir.resolve(file));
            } else {
                HelmIndex index = indexes.computeIfAbsent(repository, r -> new HelmIndex(
                        network.fetchSmall(r.replaceAll("/+$", "") + "/index.yaml", MAX_INDEX), r));
                String[] at = index.find(chart.chart, chart.version);
                sha256 = network.materialize(SourceRequest.pinned(at[0], at[1]), dir.resolve(file)).sha256();
            }
            charts.add(new BundleManifest.Chart(chart.chart, chart.version, CHARTS + file, sha256, repository));
            progress.count("charts", n, needed.size());
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

    /**
     * Image reference to the charts that need it, from each chart rendered with each of its values
     * files. Renders run on a few threads at once, and a chart whose package and values are
     * unchanged since an earlier bundle takes its images from the render cache instead.
     */
    private Map<String, Set<String>> scanImages(Map<UpstreamChart, List<String>> uses, List<BundleManifest.Chart> fetched,
                                                GeneratedRepository repo, Path staging, RenderCache cache) throws IOException {
        Map<String, String> shaOf = new TreeMap<>();
        fetched.forEach(c -> shaOf.put(c.name(), c.sha256()));
        List<Map.Entry<UpstreamChart, Future<Set<String>>>> jobs = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        int total = uses.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(RENDER_THREADS, Math.max(1, total)), r -> {
            Thread t = new Thread(r, "bundle-render");
            t.setDaemon(true);
            return t;
        });
        try {
            int i = 0;
            for (Map.Entry<UpstreamChart, List<String>> use : uses.entrySet()) {
                UpstreamChart chart = use.getKey();
                List<byte[]> values = new ArrayList<>();
                for (String valuesPath : use.getValue()) {
                    byte[] v = repo.files().get(valuesPath);
                    values.add(v == null ? new byte[0] : v);
                }
                String key = RenderCache.key(shaOf.get(chart.chart), values);
                Path tgz = staging.resolve(CHARTS).resolve(ChartResolver.packageName(chart));
                Path valuesFile = staging.resolve("values-for-render-" + (i++) + ".yaml");
                jobs.add(Map.entry(chart, pool.submit(() -> {
                    Set<String> found = cache.get(key).orElse(null);
                    if (found == null) {
                        found = render(chart, tgz, use.getValue(), values, valuesFile);
                        cache.put(key, found);
                    }
                    progress.line("rendered " + chart.chart + " " + chart.version + " (" + done.incrementAndGet() + "/" + total + ")");
                    progress.count("rendering", done.get(), total);
                    return found;
                })));
            }
            Map<String, Set<String>> images = new TreeMap<>();
            for (Map.Entry<UpstreamChart, Future<Set<String>>> job : jobs) {
                Set<String> found;
                try {
                    found = job.getValue().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OperationFailedException("interrupted while rendering the charts", "run it again");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
                found.forEach(image -> images.computeIfAbsent(image, k -> new TreeSet<>()).add(job.getKey().chart));
            }
            return images;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> render(UpstreamChart chart, Path tgz, List<String> valuesPaths, List<byte[]> values, Path valuesFile)
            throws IOException {
        Set<String> found = new TreeSet<>();
        ImageScan.fromValues(valuesOf(tgz), found);
        try {
            for (int v = 0; v < values.size(); v++) {
                Files.write(valuesFile, values.get(v));
                try {
                    String rendered = new Helm(tgz).template().withName(chart.component).withKubeVersion("1.31.0")
                            .withValuesFile(valuesFile).call();
                    ImageScan.fromRendered(rendered, found);
                } catch (RuntimeException e) {
                    throw new ExternalSystemException("cannot render the chart " + chart.chart + " " + chart.version + " with "
                            + valuesPaths.get(v) + ": " + firstLine(e.getMessage()), "check the chart package and the generated values");
                }
            }
        } finally {
            Files.deleteIfExists(valuesFile);
        }
        return found;
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
}
