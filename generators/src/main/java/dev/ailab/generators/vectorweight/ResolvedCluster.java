package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ClusterSize;
import dev.ailab.core.config.VectorStore;
import dev.ailab.generators.charts.UpstreamChart;
import java.util.ArrayList;
import java.util.List;

/**
 * One cluster with every default applied and the size preset merged with its overrides:
 * the numbers the quotas, limit ranges and volume sizes are made from.
 */
public record ResolvedCluster(String name, String domain, ClusterSize size, boolean gpu, VectorStore vectorStore,
                              boolean cerbos, int cpuCores, int memoryGib, int storageGib, int gpuCount,
                              String storageClass) {
    /** Size used when a cluster names none. */
    public static final ClusterSize DEFAULT_SIZE = ClusterSize.SMALL;

    public static ResolvedCluster of(ClusterConfig c, boolean gpuOperator) {
        ClusterSize size = c.size == null ? DEFAULT_SIZE : c.size;
        ClusterConfig.ResourceOverrides o = c.resources == null ? new ClusterConfig.ResourceOverrides() : c.resources;
        boolean gpu = Boolean.TRUE.equals(c.gpuEnabled);
        int gpuCount = o.gpuCount != null ? o.gpuCount : (gpu ? 1 : 0);
        return new ResolvedCluster(c.name, c.domain, size, gpu && gpuOperator,
                c.vectorStore == null ? VectorStore.NONE : c.vectorStore, Boolean.TRUE.equals(c.cerbosEnabled),
                o.cpuCores != null ? o.cpuCores : size.cpuCores,
                o.memoryGib != null ? o.memoryGib : size.memoryGib,
                o.storageGib != null ? o.storageGib : size.storageGib,
                gpu ? gpuCount : 0, o.storageClass);
    }

    /** The persistent volume of the vector store: two fifths of the storage budget, at least 10 GiB. */
    public int vectorStoreVolumeGib() {
        return Math.max(10, storageGib * 2 / 5);
    }

    /** Name of the vector store component, or null. */
    public String vectorStoreName() {
        return vectorStore == VectorStore.NONE ? null : vectorStore.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The upstream components deployed to this cluster besides {@code cluster-base}, in the order
     * every part of the output lists them: GPU operator, vector store, Cerbos.
     */
    public List<UpstreamChart> components() {
        List<UpstreamChart> list = new ArrayList<>();
        if (gpu) {
            list.add(UpstreamChart.GPU_OPERATOR);
        }
        if (vectorStore != VectorStore.NONE) {
            list.add(UpstreamChart.valueOf(vectorStore.name()));
        }
        if (cerbos) {
            list.add(UpstreamChart.CERBOS);
        }
        return List.copyOf(list);
    }
}
