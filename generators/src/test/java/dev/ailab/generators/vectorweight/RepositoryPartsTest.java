package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.generators.charts.ChartLocation;
import dev.ailab.generators.charts.ChartResolver;
import dev.ailab.generators.charts.UpstreamChart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which part writes which files, for production_full (three clusters, every component somewhere):
 * the golden snapshots cover only minimal and production, and say nothing about who owns a path.
 */
class RepositoryPartsTest {
    private static final ChartResolver MIRROR = chart ->
            new ChartLocation("oci://mirror.lab.internal/charts", chart.chart + "-mirrored", chart.version + "-m1");

    @TempDir
    Path home;

    private ToolkitConfig config;
    private Project project;

    @BeforeEach
    void setUp() {
        config = Fixtures.config(home, "production_full");
        project = new Project(config);
    }

    private static List<String> paths(RepositoryPart part) {
        OutputFiles out = new OutputFiles();
        part.writeTo(out);
        return List.copyOf(out.files().keySet());
    }

    @Test
    void argoCdObjectsAreTheProjectTheRootAndOneApplicationPerComponent() {
        assertThat(paths(new ArgoCdObjects(project, ChartResolver.upstream()))).containsExactly(
                "argocd/apps/ai-cluster/base.yaml", "argocd/apps/ai-cluster/cerbos.yaml",
                "argocd/apps/ai-cluster/gpu-operator.yaml", "argocd/apps/ai-cluster/weaviate.yaml",
                "argocd/apps/argocd.yaml",
                "argocd/apps/dev/base.yaml", "argocd/apps/dev/chroma.yaml",
                "argocd/apps/search/base.yaml", "argocd/apps/search/cerbos.yaml", "argocd/apps/search/qdrant.yaml",
                "argocd/project.yaml", "argocd/root.yaml");
    }

    @Test
    void componentValuesAreArgoCdsAndOnePerUpstreamComponentOfEachCluster() {
        assertThat(paths(new ComponentValues(project))).containsExactly(
                "clusters/ai-cluster/values/cerbos.yaml", "clusters/ai-cluster/values/gpu-operator.yaml",
                "clusters/ai-cluster/values/weaviate.yaml",
                "clusters/dev/values/chroma.yaml",
                "clusters/search/values/cerbos.yaml", "clusters/search/values/qdrant.yaml",
                "values/argocd.yaml");
    }

    @Test
    void clusterBaseChartIsTheLocalChartAndABaseValuesFilePerCluster() {
        List<String> paths = paths(new ClusterBaseChart(project));
        assertThat(paths).filteredOn(p -> !p.startsWith("charts/cluster-base/")).containsExactly(
                "clusters/ai-cluster/values/base.yaml", "clusters/dev/values/base.yaml", "clusters/search/values/base.yaml");
        assertThat(paths).contains("charts/cluster-base/Chart.yaml", "charts/cluster-base/templates/networkpolicies.yaml",
                "charts/cluster-base/templates/quotas.yaml", "charts/cluster-base/policies/model.yaml");
    }

    @Test
    void namespacesFollowTheComponentsAndOnlyTheWorkloadsNamespaceHasAQuota() {
        ResolvedCluster dev = project.clusters.get(2);
        List<Map<String, Object>> namespaces = NamespacePolicies.namespaces(dev);
        assertThat(namespaces).extracting(n -> n.get("name")).containsExactly("ai-workloads", "chroma");
        assertThat(namespaces.get(0).get("egressTo")).isEqualTo(List.of(Map.of("namespace", "chroma", "ports", List.of(8000))));
        assertThat(Quotas.of("ai-workloads", dev)).containsOnlyKeys("quota", "limitRange");
        assertThat(Quotas.of("chroma", dev)).containsOnlyKeys("limitRange");
        assertThat(Quotas.of("gpu-operator", project.clusters.get(0))).isEmpty();
    }

    @Test
    void thePartsShareNoPathAndTogetherAreTheWholeRepository() {
        VectorweightGenerator generator = new VectorweightGenerator();
        List<String> all = new ArrayList<>(List.of(".gitignore"));
        for (RepositoryPart part : generator.parts(project)) {
            all.addAll(paths(part));
        }
        assertThat(all).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(all)).containsExactlyElementsOf(generator.generate(config).files().keySet());
    }

    @Test
    void noPartNamesAnUpstreamRepositoryWhenTheResolverPointsElsewhere() {
        GeneratedRepository repo = new VectorweightGenerator(MIRROR).generate(config);
        repo.files().forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (UpstreamChart u : UpstreamChart.values()) {
                assertThat(text).as(path).doesNotContain(u.repository);
            }
        });
        assertThat(new String(repo.files().get("README.md"), StandardCharsets.UTF_8))
                .contains("| argocd | oci://mirror.lab.internal/charts | argo-cd-mirrored | 7.8.2-m1 |");
        assertThat(new String(repo.files().get("renovate.json"), StandardCharsets.UTF_8))
                .contains("\"registryUrlTemplate\": \"oci://mirror.lab.internal/charts\"", "\"matchDepNames\": [\"argo-cd-mirrored\"]");
    }
}
