package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ToolkitConfig;
import java.util.ArrayList;
import java.util.List;

/** What the generated repository does not do although the config asks for it, or needs before it can sync. */
final class GeneratorWarnings {
    private GeneratorWarnings() {
    }

    static List<String> of(ToolkitConfig config, Project p) {
        List<String> warnings = new ArrayList<>();
        if (GitopsRepository.of(config).placeholder()) {
            warnings.add("github.owner is not set: Argo CD objects point at the placeholder " + p.repoUrl
                    + "; set github.owner (or edit the URL) before syncing"
                    + (Boolean.TRUE.equals(config.autoCreateRepositories) ? "; auto_create_repositories needs it too" : ""));
        }
        for (ClusterConfig c : config.clusters) {
            if (Boolean.TRUE.equals(c.gpuEnabled) && !Boolean.TRUE.equals(config.enableGpuOperator)) {
                warnings.add("cluster " + c.name + ": gpu_enabled without enable_gpu_operator; no GPU operator is deployed");
            }
        }
        return warnings;
    }
}
