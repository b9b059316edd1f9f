package dev.ailab.generators.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ailab.core.config.ClusterSize;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyMigratorTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final String OLD = """
            metadata:
              project_name: old-lab
              environment: Staging
              version: "2.1"
              authors: [me, you]
            clusters:
              - name: small-box
                domain: small.example.com
                kubernetes_distribution: talos
                node_count: 1
                resources: {cpu_cores: 4, memory_gb: 8, storage_gb: 100}
              - name: gpu-box
                domain: gpu.example.com
                resources: {cpu_cores: 12, memory_gb: 30, storage_gb: 450, gpu_enabled: true, gpu_type: a100, gpu_count: 1}
                vector_database: {type: Qdrant, replicas: 2}
                cerbos: {enabled: true}
            gpu_operator: {enabled: true, version: v23}
            github: {owner: acme, auto_create: true, private: true}
            networking: {cni: cilium}
            """;

    /** Every leaf key path of the input, as the migrator names them. */
    private static void leaves(JsonNode n, String path, List<String> out) {
        if (n.isObject() && n.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (n.isArray() && path.equals("clusters")) {
            for (int i = 0; i < n.size(); i++) {
                leaves(n.get(i), "clusters[" + i + "]", out);
            }
        } else {
            out.add(path);
        }
    }

    @Test
    void everyInputKeyIsMappedOrReported() throws Exception {
        JsonNode old = YAML.readTree(OLD);
        LegacyMigrator.Result r = LegacyMigrator.migrate(old, "old.yaml");
        List<String> accounted = new ArrayList<>();
        r.mapped().forEach(e -> accounted.add(e.key()));
        r.unmapped().forEach(e -> accounted.add(e.key()));
        List<String> leaves = new ArrayList<>();
        leaves(old, "", leaves);
        assertThat(accounted).containsAll(leaves);
        assertThat(r.unmapped()).extracting(LegacyMigrator.Entry::key).contains("metadata.version", "metadata.authors",
                "clusters[0].kubernetes_distribution", "clusters[0].node_count", "clusters[1].resources.gpu_type",
                "clusters[1].vector_database.replicas", "gpu_operator.version", "github.private", "networking.cni");
    }

    @Test
    void resourcesBecomeNearestPresetPlusOverrides() throws Exception {
        JsonNode result = YAML.readTree(LegacyMigrator.migrate(YAML.readTree(OLD), "old.yaml").yaml());
        assertThat(result.path("project_name").asText()).isEqualTo("old-lab");
        assertThat(result.path("environment").asText()).isEqualTo("staging");
        JsonNode small = result.path("clusters").get(0);
        assertThat(small.path("size").asText()).isEqualTo("small");
        assertThat(small.has("resources")).isFalse();
        JsonNode gpu = result.path("clusters").get(1);
        assertThat(gpu.path("size").asText()).isEqualTo("large");
        assertThat(gpu.path("resources").path("cpu_cores").asInt()).isEqualTo(12);
        assertThat(gpu.path("resources").path("memory_gib").asInt()).isEqualTo(30);
        assertThat(gpu.path("resources").path("storage_gib").asInt()).isEqualTo(450);
        assertThat(gpu.path("resources").has("gpu_count")).isFalse();
        assertThat(gpu.path("gpu_enabled").asBoolean()).isTrue();
        assertThat(gpu.path("vector_store").asText()).isEqualTo("qdrant");
        assertThat(gpu.path("cerbos_enabled").asBoolean()).isTrue();
        assertThat(result.path("enable_gpu_operator").asBoolean()).isTrue();
        assertThat(result.path("auto_create_repositories").asBoolean()).isTrue();
        assertThat(result.path("github").path("owner").asText()).isEqualTo("acme");
    }

    @Test
    void nearestPresetUsesRatios() {
        assertThat(LegacyMigrator.nearest(2, 4, 50)).isEqualTo(ClusterSize.MINIMAL);
        assertThat(LegacyMigrator.nearest(6, 12, 180)).isIn(ClusterSize.SMALL, ClusterSize.MEDIUM);
        assertThat(LegacyMigrator.nearest(64, 256, 4000)).isEqualTo(ClusterSize.LARGE);
        assertThat(LegacyMigrator.nearest(null, null, null)).isEqualTo(ClusterSize.MINIMAL);
    }
}
