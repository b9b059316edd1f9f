package dev.ailab.core.config.rules;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ClusterSize;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.config.VectorStore;
import java.util.List;

/** A vector store does not fit the minimal preset (2 cores, 4 GiB): ask for small or larger. */
public final class VectorStoreSizeRule implements ConfigRule {
    @Override
    public void check(ToolkitConfig config, SourceLocator at, List<ConfigProblem> problems) {
        if (config.clusters == null) {
            return;
        }
        for (int i = 0; i < config.clusters.size(); i++) {
            ClusterConfig c = config.clusters.get(i);
            if (c != null && c.size == ClusterSize.MINIMAL && c.vectorStore != null && c.vectorStore != VectorStore.NONE) {
                problems.add(at.problem("/clusters/" + i + "/vector_store",
                        "cluster " + c.name + " runs a vector store (" + c.vectorStore.name().toLowerCase(java.util.Locale.ROOT)
                                + ") on the minimal size preset, which leaves it no room",
                        "use 'size: small' or larger, or 'vector_store: none'"));
            }
        }
    }
}
