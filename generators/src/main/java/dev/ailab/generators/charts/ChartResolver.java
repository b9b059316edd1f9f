package dev.ailab.generators.charts;

/**
 * The one place a chart's location is decided. Today every chart comes from its upstream
 * repository ({@link #upstream()}); airgapped modes (a git mirror, an archive, a local folder)
 * will plug in here without touching the generators.
 */
@FunctionalInterface
public interface ChartResolver {
    ChartLocation resolve(UpstreamChart chart);

    /** Official repository, chart name and pinned version from {@link UpstreamChart}. */
    static ChartResolver upstream() {
        return chart -> new ChartLocation(chart.repository, chart.chart, chart.version);
    }
}
