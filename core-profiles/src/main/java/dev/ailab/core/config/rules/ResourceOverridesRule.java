package dev.ailab.core.config.rules;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.ToolkitConfig;
import java.util.List;

/** Overrides of a size preset must be sane numbers and a valid storage class name. */
public final class ResourceOverridesRule implements ConfigRule {
    @Override
    public void check(ToolkitConfig config, SourceLocator at, List<ConfigProblem> problems) {
        if (config.clusters == null) {
            return;
        }
        for (int i = 0; i < config.clusters.size(); i++) {
            ClusterConfig c = config.clusters.get(i);
            if (c == null || c.resources == null) {
                continue;
            }
            ClusterConfig.ResourceOverrides r = c.resources;
            String base = "/clusters/" + i + "/resources/";
            range(at, problems, base + "cpu_cores", "cpu_cores", r.cpuCores, 1, 1024);
            range(at, problems, base + "memory_gib", "memory_gib", r.memoryGib, 1, 65536);
            range(at, problems, base + "storage_gib", "storage_gib", r.storageGib, 1, 1_000_000);
            range(at, problems, base + "gpu_count", "gpu_count", r.gpuCount, 0, 64);
            if (r.storageClass != null) {
                String p = Dns.labelProblem(r.storageClass, 63);
                if (p != null && !r.storageClass.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
                    problems.add(at.problem(base + "storage_class", "storage_class '" + r.storageClass + "' " + p,
                            "use the name of a StorageClass of the cluster (kubectl get storageclass)"));
                }
            }
            int cpu = r.cpuCores != null ? r.cpuCores : (c.size == null ? 4 : c.size.cpuCores);
            if (r.memoryGib != null && r.memoryGib > 0 && cpu > 0 && r.memoryGib < cpu / 2) {
                problems.add(at.problem(base + "memory_gib", "cluster " + c.name + " has " + r.memoryGib + " GiB for "
                                + cpu + " cores, less than 1 GiB per 2 cores",
                        "raise memory_gib to at least " + ((cpu + 1) / 2) + " or lower cpu_cores"));
            }
        }
    }

    private static void range(SourceLocator at, List<ConfigProblem> problems, String pointer, String key,
                              Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(at.problem(pointer, key + " is " + value + "; it must be between " + min + " and " + max,
                    "leave it out to keep the size preset's value"));
        }
    }
}
