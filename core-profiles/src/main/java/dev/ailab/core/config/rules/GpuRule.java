package dev.ailab.core.config.rules;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.ToolkitConfig;
import java.util.List;

/** A cluster with GPUs needs the GPU operator; GPU overrides need gpu_enabled. */
public final class GpuRule implements ConfigRule {
    @Override
    public void check(ToolkitConfig config, SourceLocator at, List<ConfigProblem> problems) {
        if (config.clusters == null) {
            return;
        }
        boolean operator = Boolean.TRUE.equals(config.enableGpuOperator);
        for (int i = 0; i < config.clusters.size(); i++) {
            ClusterConfig c = config.clusters.get(i);
            if (c == null) {
                continue;
            }
            boolean gpu = Boolean.TRUE.equals(c.gpuEnabled);
            if (gpu && !operator) {
                problems.add(at.problem("/clusters/" + i + "/gpu_enabled",
                        "cluster " + c.name + " has gpu_enabled: true but enable_gpu_operator is not true",
                        "add 'enable_gpu_operator: true' at the top level, or set gpu_enabled: false"));
            }
            if (!gpu && c.resources != null && c.resources.gpuCount != null && c.resources.gpuCount > 0) {
                problems.add(at.problem("/clusters/" + i + "/resources/gpu_count",
                        "cluster " + c.name + " asks for " + c.resources.gpuCount + " GPU(s) but gpu_enabled is not true",
                        "set 'gpu_enabled: true' on the cluster, or remove resources.gpu_count"));
            }
        }
    }
}
