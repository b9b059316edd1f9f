package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.generators.charts.UpstreamChart;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Which upstream charts a config deploys, and which generated values files each is rendered with. */
public final class ChartUsage {
    private ChartUsage() {
    }

    /**
     * Every chart the config needs, in table order, with the generated values files of each use
     * (Argo CD once, each component once per cluster that runs it).
     */
    public static Map<UpstreamChart, List<String>> of(ToolkitConfig config) {
        Project p = new Project(config);
        Map<UpstreamChart, List<String>> uses = new EnumMap<>(UpstreamChart.class);
        uses.computeIfAbsent(UpstreamChart.ARGO_CD, k -> new ArrayList<>()).add(Layout.ARGOCD_VALUES);
        for (ResolvedCluster c : p.clusters) {
            for (UpstreamChart chart : c.components()) {
                uses.computeIfAbsent(chart, k -> new ArrayList<>()).add(Layout.values(c.name(), chart.component));
            }
        }
        return uses;
    }
}
