package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.Environment;
import dev.ailab.core.config.ToolkitConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The config with every default applied: what each part of the generated repository is made from. */
final class Project {
    final String name;
    final String environment;
    final String repoUrl;
    final List<ResolvedCluster> clusters = new ArrayList<>();
    final boolean gpuOperator;
    final boolean autoCreateRepositories;

    Project(ToolkitConfig config) {
        this(config, dev.ailab.generators.charts.ChartResolver.upstream());
    }

    /** The GitOps repository's URL may move with the sources mode (an airgapped site hosts it inside). */
    Project(ToolkitConfig config, dev.ailab.generators.charts.ChartResolver charts) {
        name = config.projectName;
        environment = (config.environment == null ? Environment.PRODUCTION : config.environment).name().toLowerCase(Locale.ROOT);
        String owner = config.github == null || config.github.owner == null || config.github.owner.isBlank()
                ? "CHANGE-ME" : config.github.owner;
        repoUrl = charts.gitopsRepository("https://github.com/" + owner + "/" + name + "-deployment.git", owner, name + "-deployment");
        gpuOperator = Boolean.TRUE.equals(config.enableGpuOperator);
        autoCreateRepositories = Boolean.TRUE.equals(config.autoCreateRepositories);
        for (ClusterConfig c : config.clusters) {
            clusters.add(ResolvedCluster.of(c, gpuOperator));
        }
    }

    /** The cluster that runs Argo CD: the first one. */
    String hub() {
        return clusters.get(0).name();
    }
}
