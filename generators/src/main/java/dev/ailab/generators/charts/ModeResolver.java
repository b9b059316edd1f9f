package dev.ailab.generators.charts;

import dev.ailab.core.config.SourcesConfig;
import dev.ailab.core.config.SourcesConfig.Mode;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Chart locations per {@code sources.mode}:
 * <ul>
 * <li>{@code internet}: the upstream repositories of {@link UpstreamChart};
 * <li>{@code chart_repository} set (any airgapped mode): that internal Helm or OCI repository;
 * <li>{@code airgapped_git}: a folder of the git mirror, {@code git_path_scheme} with
 *     {@code {chart}} and {@code {version}} replaced;
 * <li>{@code airgapped_archive} and {@code local}: the charts unpacked into the generated
 *     repository under {@code charts/}, read from the bundle or the local folder, so the
 *     repository is self-contained.
 * </ul>
 */
final class ModeResolver implements ChartResolver {
    /** Where vendored charts go in the generated repository. */
    static final String VENDOR_ROOT = "charts/";

    private final SourcesConfig sources;
    private final Mode mode;
    private final Path baseDir;
    private SortedMap<String, byte[]> vendored;

    private final String githubApi;

    private ModeResolver(SourcesConfig sources, String githubApi, Path baseDir) {
        this.githubApi = githubApi;
        this.sources = sources;
        this.mode = sources.mode == null ? Mode.INTERNET : sources.mode;
        this.baseDir = baseDir == null ? Path.of("") : baseDir;
    }

    static ChartResolver of(ToolkitConfig config, Path baseDir) {
        if (config.sources == null || config.sources.mode == null || config.sources.mode == Mode.INTERNET) {
            return ChartResolver.upstream();
        }
        return new ModeResolver(config.sources, config.github == null ? null : config.github.apiUrl, baseDir);
    }

    @Override
    public boolean airgapped() {
        return true;
    }

    @Override
    public String imageRegistry() {
        return sources.imageRegistry;
    }

    @Override
    public ChartLocation resolve(UpstreamChart chart) {
        if (sources.chartRepository != null) {
            return new ChartLocation(sources.chartRepository, chart.chart, chart.version);
        }
        return switch (mode) {
            case AIRGAPPED_GIT -> new ChartLocation(sources.gitMirror, chart.chart, chart.version, gitPath(sources, chart));
            case AIRGAPPED_ARCHIVE, LOCAL -> new ChartLocation(null, chart.chart, chart.version, vendorPath(chart));
            case INTERNET -> ChartResolver.upstream().resolve(chart);
        };
    }

    /**
     * Inside the site: beside the git mirror ({@code airgapped_git}), else on the GitHub
     * Enterprise host of {@code github.api_url}; github.com only when neither is configured.
     */
    @Override
    public String gitopsRepository(String upstream, String owner, String name) {
        String base = null;
        if (mode == Mode.AIRGAPPED_GIT && sources.gitMirror.contains("://")) {
            base = sources.gitMirror.substring(0, sources.gitMirror.lastIndexOf('/'));
        } else if (githubApi != null) {
            java.net.URI api = java.net.URI.create(githubApi);
            base = api.getScheme() + "://" + api.getAuthority() + "/" + owner;
        }
        return base == null ? upstream : base + "/" + name + ".git";
    }

    /** The folder of {@code chart} in the git mirror. */
    static String gitPath(SourcesConfig sources, UpstreamChart chart) {
        String scheme = sources.gitPathScheme == null ? SourcesConfig.DEFAULT_GIT_PATH_SCHEME : sources.gitPathScheme;
        return scheme.replace("{chart}", chart.chart).replace("{version}", chart.version);
    }

    static String vendorPath(UpstreamChart chart) {
        return VENDOR_ROOT + chart.chart + "/" + chart.version;
    }

    @Override
    public SortedMap<String, byte[]> vendoredFiles() {
        if (sources.chartRepository != null || (mode != Mode.AIRGAPPED_ARCHIVE && mode != Mode.LOCAL)) {
            return new TreeMap<>();
        }
        if (vendored == null) {
            vendored = mode == Mode.LOCAL ? fromLocal() : fromBundle();
        }
        return vendored;
    }

    private SortedMap<String, byte[]> fromLocal() {
        Path dir = baseDir.resolve(sources.localPath);
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("sources.local_path " + dir + " is not a folder",
                    "point it at the folder that holds the CHART-VERSION.tgz files");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (UpstreamChart chart : UpstreamChart.values()) {
            Path tgz = dir.resolve(ChartResolver.packageName(chart));
            if (Files.isRegularFile(tgz)) {
                ChartPackages.unpackInto(tgz, vendorPath(chart), files);
            }
        }
        return files;
    }

    private SortedMap<String, byte[]> fromBundle() {
        Path bundle = baseDir.resolve(sources.archive);
        if (!Files.isRegularFile(bundle)) {
            throw new InvalidInputException("sources.archive " + bundle + " not found",
                    "copy the bundle there, or correct sources.archive");
        }
        String digest = Sha256.ofFile(bundle);
        if (sources.archiveSha256 != null && !sources.archiveSha256.equalsIgnoreCase(digest)) {
            throw new OperationFailedException("the bundle " + bundle + " has SHA-256 " + digest + ", not the "
                    + sources.archiveSha256 + " of sources.archive_sha256",
                    "run 'vectorweight bundle verify' on it; copy it again, or update archive_sha256 for a new bundle");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        ChartPackages.chartsInBundle(bundle, (chart, tgz) -> ChartPackages.unpackInto(tgz, ChartResolver.packageName(chart),
                vendorPath(chart), files));
        return files;
    }
}
