package dev.ailab.generators.charts;

import dev.ailab.core.config.ToolkitConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one place a chart's location is decided. In {@code internet} mode every chart comes from
 * its upstream repository ({@link #upstream()}); the airgapped modes ({@link ModeResolver}: a
 * git mirror, charts vendored from a bundle or a local folder, an internal chart repository)
 * change only this, never the generators.
 */
@FunctionalInterface
public interface ChartResolver {
    ChartLocation resolve(UpstreamChart chart);

    /** Files to add to the generated repository (vendored charts), by path; none by default. */
    default SortedMap<String, byte[]> vendoredFiles() {
        return new TreeMap<>();
    }

    /** The URL of the generated GitOps repository; {@code upstream} is the github.com one. */
    default String gitopsRepository(String upstream, String owner, String name) {
        return upstream;
    }

    /** True when the output must name no host outside the configured mirrors. */
    default boolean airgapped() {
        return false;
    }

    /**
     * The site's image registry every image reference points at ({@code sources.image_registry}
     * in an airgapped mode, see {@link ImageKeys}); null: the charts' own registries.
     */
    default String imageRegistry() {
        return null;
    }

    /** Official repository, chart name and pinned version from {@link UpstreamChart}. */
    static ChartResolver upstream() {
        return chart -> new ChartLocation(chart.repository, chart.chart, chart.version);
    }

    /** The resolver the config's {@code sources.mode} asks for; relative paths are read from {@code baseDir}. */
    static ChartResolver forConfig(ToolkitConfig config, Path baseDir) {
        return ModeResolver.of(config, baseDir);
    }

    /** The file name a packaged chart has in a bundle or a local folder: {@code CHART-VERSION.tgz}. */
    static String packageName(UpstreamChart chart) {
        return chart.chart + "-" + chart.version + ".tgz";
    }

    /** Every chart of the table, by our component name (for lookups from text). */
    static Map<String, UpstreamChart> byChartName() {
        Map<String, UpstreamChart> all = new TreeMap<>();
        for (UpstreamChart u : UpstreamChart.values()) {
            all.put(u.chart, u);
        }
        return all;
    }
}
