package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.Environment;
import dev.ailab.core.config.GitopsConfig;
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
    final GitopsConfig.Engine engine;
    /** The registry every image is pulled from (an airgapped site's), or null for the charts' own. */
    final String imageRegistry;
    /** True when the output must name no host outside the configured mirrors. */
    final boolean airgapped;
    /** Per cluster with age_recipients: those and the admins' sops.recipients, the recipients of its SOPS secrets. */
    final java.util.Map<String, List<String>> sopsRecipients = new java.util.LinkedHashMap<>();
    /**
     * Per cluster with age_recipients: the names of the encrypted files already in its secrets
     * folder (sorted), which Argo CD's KSOPS generator must list; empty when generating from the config alone.
     */
    final java.util.Map<String, List<String>> secretFiles = new java.util.LinkedHashMap<>();

    Project(ToolkitConfig config) {
        this(config, dev.ailab.generators.charts.ChartResolver.upstream());
    }

    Project(ToolkitConfig config, dev.ailab.generators.charts.ChartResolver charts) {
        this(config, charts, java.util.Map.of());
    }

    /** The GitOps repository's URL may move with the sources mode (an airgapped site hosts it inside). */
    Project(ToolkitConfig config, dev.ailab.generators.charts.ChartResolver charts, java.util.Map<String, List<String>> secrets) {
        name = config.projectName;
        environment = (config.environment == null ? Environment.PRODUCTION : config.environment).name().toLowerCase(Locale.ROOT);
        GitopsRepository gitops = GitopsRepository.of(config);
        repoUrl = charts.gitopsRepository(gitops.url(), gitops.owner(), gitops.name());
        imageRegistry = charts.imageRegistry();
        airgapped = charts.airgapped();
        gpuOperator = Boolean.TRUE.equals(config.enableGpuOperator);
        autoCreateRepositories = Boolean.TRUE.equals(config.autoCreateRepositories);
        engine = config.gitops == null ? GitopsConfig.Engine.ARGOCD : config.gitops.engineOrDefault();
        for (ClusterConfig c : config.clusters) {
            clusters.add(ResolvedCluster.of(c, gpuOperator));
            if (c.ageRecipients != null && !c.ageRecipients.isEmpty()) {
                java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(c.ageRecipients);
                if (config.sops != null && config.sops.recipients != null) {
                    all.addAll(config.sops.recipients);
                }
                sopsRecipients.put(c.name, List.copyOf(all));
                List<String> files = secrets.getOrDefault(c.name, List.of());
                if (!files.isEmpty()) {
                    secretFiles.put(c.name, files.stream().sorted().toList());
                }
            }
        }
    }

    /** The cluster that runs Argo CD: the first one. */
    String hub() {
        return clusters.get(0).name();
    }
}
