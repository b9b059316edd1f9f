package dev.ailab.generators.vectorweight;

import static dev.ailab.generators.vectorweight.Maps.map;

import dev.ailab.generators.charts.UpstreamChart;
import java.util.Map;

/**
 * The ResourceQuota and LimitRange of each namespace, from the cluster's size preset merged with
 * its overrides ({@link ResolvedCluster}): the workloads namespace gets the whole budget as its
 * quota and a LimitRange; each component namespace a LimitRange; the GPU operator's neither.
 */
final class Quotas {
    private Quotas() {
    }

    /** The {@code quota} and {@code limitRange} entries of namespace {@code namespace}, in that order; may be empty. */
    static Map<String, Object> of(String namespace, ResolvedCluster c) {
        if (namespace.equals(NamespacePolicies.WORKLOADS_NAMESPACE)) {
            return map("quota", quota(c), "limitRange", limitRange(c));
        }
        if (namespace.equals(UpstreamChart.GPU_OPERATOR.component)) {
            return map();
        }
        return map("limitRange", limitRange(c));
    }

    private static Map<String, Object> quota(ResolvedCluster c) {
        Map<String, Object> quota = map("cpu", Integer.toString(c.cpuCores()), "memory", c.memoryGib() + "Gi",
                "storage", c.storageGib() + "Gi");
        if (c.gpuCount() > 0) {
            quota.put("gpu", c.gpuCount());
        }
        return quota;
    }

    private static Map<String, Object> limitRange(ResolvedCluster c) {
        return map("defaultCpu", "500m", "defaultMemory", "512Mi", "defaultRequestCpu", "100m",
                "defaultRequestMemory", "128Mi", "maxCpu", Integer.toString(c.cpuCores()), "maxMemory", c.memoryGib() + "Gi");
    }
}
