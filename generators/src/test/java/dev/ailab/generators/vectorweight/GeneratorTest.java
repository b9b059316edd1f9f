package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.generators.charts.UpstreamChart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    @TempDir
    Path home;

    private GeneratedRepository generate(String template) {
        return new VectorweightGenerator().generate(Fixtures.config(home, template));
    }

    private static String text(GeneratedRepository repo, String path) {
        assertThat(repo.files()).containsKey(path);
        return new String(repo.files().get(path), StandardCharsets.UTF_8);
    }

    static List<JsonNode> docs(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            }
        }
        return docs;
    }

    @Test
    void sameConfigGivesByteIdenticalOutput() {
        GeneratedRepository a = generate("production_full");
        GeneratedRepository b = new VectorweightGenerator().generate(Fixtures.config(home.resolve("again"), "production_full"));
        assertThat(a.files().keySet()).isEqualTo(b.files().keySet());
        a.files().forEach((path, bytes) -> assertThat(Arrays.equals(bytes, b.files().get(path))).as(path).isTrue());
        String all = new String(a.files().values().stream().reduce(new byte[0], GeneratorTest::concat), StandardCharsets.UTF_8);
        assertThat(all).doesNotContainPattern("20[0-9][0-9]-[01][0-9]-[0-3][0-9]T");
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] r = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }

    @Test
    void productionHoldsEveryPartOfACompleteRepository() {
        GeneratedRepository repo = generate("production");
        assertThat(repo.files()).containsKeys("README.md", "deploy.sh", "renovate.json", "argocd/project.yaml",
                "argocd/root.yaml", "argocd/apps/argocd.yaml", "argocd/apps/ai-cluster/base.yaml",
                "argocd/apps/ai-cluster/gpu-operator.yaml", "argocd/apps/ai-cluster/weaviate.yaml",
                "argocd/apps/ai-cluster/cerbos.yaml", "charts/cluster-base/Chart.yaml",
                "charts/cluster-base/values.yaml", "charts/cluster-base/values.schema.json",
                "clusters/ai-cluster/values/base.yaml", "clusters/ai-cluster/values/weaviate.yaml");
        assertThat(repo.files().keySet()).noneMatch(p -> p.contains("/overrides/"));
    }

    @Test
    void minimalHasNoOptionalComponents() {
        GeneratedRepository repo = generate("minimal");
        assertThat(repo.files().keySet()).filteredOn(p -> p.startsWith("argocd/apps/lab/")).containsExactly("argocd/apps/lab/base.yaml");
    }

    @Test
    void everyYamlDocumentHasApiVersionKindAndName() throws IOException {
        for (String template : StarterTemplates.NAMES) {
            GeneratedRepository repo = new VectorweightGenerator().generate(Fixtures.config(home.resolve(template), template));
            for (Map.Entry<String, byte[]> e : repo.files().entrySet()) {
                String path = e.getKey();
                if (!path.endsWith(".yaml") || path.startsWith("charts/cluster-base/templates/")) {
                    continue; // chart templates are checked after helm renders them (HelmChartTest)
                }
                List<JsonNode> docs = docs(new String(e.getValue(), StandardCharsets.UTF_8));
                assertThat(docs).as(path).isNotEmpty();
                if (path.startsWith("argocd/") || path.startsWith("charts/cluster-base/policies/")) {
                    for (JsonNode d : docs) {
                        assertThat(d.path("apiVersion").asText()).as(path).isNotEmpty();
                        if (!path.contains("/policies/")) {
                            assertThat(d.path("kind").asText()).as(path).isNotEmpty();
                            assertThat(d.path("metadata").path("name").asText()).as(path).isNotEmpty();
                        }
                    }
                }
            }
        }
    }

    @Test
    void argoApplicationsCarryWhatArgoCdRequires() throws IOException {
        GeneratedRepository repo = generate("production_full");
        int applications = 0;
        for (Map.Entry<String, byte[]> e : repo.files().entrySet()) {
            if (!e.getKey().startsWith("argocd/")) {
                continue;
            }
            for (JsonNode d : docs(new String(e.getValue(), StandardCharsets.UTF_8))) {
                assertThat(d.path("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
                JsonNode spec = d.path("spec");
                if (d.path("kind").asText().equals("Application")) {
                    applications++;
                    assertThat(spec.path("project").asText()).as(e.getKey()).isEqualTo("vectorweight-ai");
                    assertThat(spec.has("source") || spec.has("sources")).as(e.getKey()).isTrue();
                    JsonNode dest = spec.path("destination");
                    assertThat(dest.has("name") || dest.has("server")).as(e.getKey()).isTrue();
                    assertThat(dest.path("namespace").asText()).as(e.getKey()).isNotEmpty();
                    JsonNode sync = spec.path("syncPolicy");
                    assertThat(sync.path("automated").path("prune").asBoolean()).isTrue();
                    assertThat(sync.path("automated").path("selfHeal").asBoolean()).isTrue();
                    assertThat(sync.path("syncOptions").toString()).contains("CreateNamespace=false", "ServerSideApply=true");
                    for (JsonNode source : spec.path("sources")) {
                        assertThat(source.path("repoURL").asText()).as(e.getKey()).startsWith("https://");
                        assertThat(source.has("chart") || source.has("path") || source.has("ref")).isTrue();
                        if (source.has("chart")) {
                            assertThat(source.path("targetRevision").asText()).doesNotContain("*").isNotEmpty();
                        }
                    }
                    if (!e.getKey().equals("argocd/root.yaml")) {
                        assertThat(d.path("metadata").path("annotations").path("argocd.argoproj.io/sync-wave").asText()).isNotEmpty();
                    }
                } else {
                    assertThat(d.path("kind").asText()).isEqualTo("AppProject");
                    assertThat(spec.path("sourceRepos")).isNotEmpty();
                    assertThat(spec.path("destinations")).hasSize(3);
                }
            }
        }
        // argocd + root + 3 base + gpu + 3 vector stores + 2 cerbos
        assertThat(applications).isEqualTo(11);
    }

    @Test
    void upstreamChartsComeFromTheTableWithPinnedVersions() throws IOException {
        GeneratedRepository repo = generate("production");
        JsonNode weaviate = docs(text(repo, "argocd/apps/ai-cluster/weaviate.yaml")).get(0);
        JsonNode source = weaviate.path("spec").path("sources").get(0);
        assertThat(source.path("repoURL").asText()).isEqualTo(UpstreamChart.WEAVIATE.repository);
        assertThat(source.path("chart").asText()).isEqualTo(UpstreamChart.WEAVIATE.chart);
        assertThat(source.path("targetRevision").asText()).isEqualTo(UpstreamChart.WEAVIATE.version);
        assertThat(source.path("helm").path("valueFiles").toString())
                .contains("$values/clusters/ai-cluster/values/weaviate.yaml", "$values/clusters/ai-cluster/overrides/weaviate.yaml");
        assertThat(weaviate.path("spec").path("sources").get(1).path("ref").asText()).isEqualTo("values");
        assertThat(text(repo, "deploy.sh")).contains("ARGOCD_CHART_VERSION=\"" + UpstreamChart.ARGO_CD.version + "\"");
    }

    @Test
    void sizePresetAndOverridesBecomeQuotaAndVolume() throws IOException {
        GeneratedRepository repo = generate("production_full");
        JsonNode base = docs(text(repo, "clusters/ai-cluster/values/base.yaml")).get(0);
        JsonNode workloads = base.path("namespaces").get(0);
        assertThat(workloads.path("name").asText()).isEqualTo("ai-workloads");
        assertThat(workloads.path("quota").path("cpu").asText()).isEqualTo("24");
        assertThat(workloads.path("quota").path("memory").asText()).isEqualTo("64Gi");
        assertThat(workloads.path("quota").path("storage").asText()).isEqualTo("1000Gi");
        assertThat(workloads.path("quota").path("gpu").asInt()).isEqualTo(2);
        JsonNode search = docs(text(repo, "clusters/search/values/base.yaml")).get(0).path("namespaces").get(0);
        assertThat(search.path("quota").path("cpu").asText()).isEqualTo("8");
        assertThat(search.path("quota").path("memory").asText()).isEqualTo("16Gi");
        assertThat(search.path("quota").has("gpu")).isFalse();
        JsonNode weaviate = docs(text(repo, "clusters/ai-cluster/values/weaviate.yaml")).get(0);
        assertThat(weaviate.path("storage").path("size").asText()).isEqualTo("400Gi");
        assertThat(weaviate.path("storage").path("storageClassName").asText()).isEqualTo("longhorn");
    }

    @Test
    void chromaAndQdrantGetTheKeysTheirChartsRead() throws IOException {
        GeneratedRepository repo = generate("vector-stores");
        JsonNode chroma = docs(text(repo, "clusters/chroma-lab/values/chroma.yaml")).get(0).path("chromadb");
        // 40 GiB storage budget: two fifths is 16, at least 10
        assertThat(chroma.path("dataVolumeSize").asText()).isEqualTo("16Gi");
        assertThat(chroma.path("isPersistent").asBoolean()).isTrue();
        assertThat(chroma.path("auth").path("existingSecret").asText()).isEqualTo(ChartQuirks.CHROMA_AUTH_SECRET);
        JsonNode qdrant = docs(text(repo, "clusters/qdrant-lab/values/qdrant.yaml")).get(0);
        assertThat(qdrant.path("updateVolumeFsOwnership").isBoolean()).isTrue();
        assertThat(qdrant.path("updateVolumeFsOwnership").asBoolean()).isFalse();
        JsonNode base = docs(text(repo, "clusters/chroma-lab/values/base.yaml")).get(0);
        assertThat(base.path("namespaces").get(1).path("podSecurity").asText()).isEqualTo("baseline");
        assertThat(text(repo, "README.md")).contains("- `chroma`: `baseline`, because chart chromadb 0.1.23 writes one");
    }

    @Test
    void podSecurityIsRestrictedExceptForTheGpuOperator() throws IOException {
        JsonNode base = docs(text(generate("production"), "clusters/ai-cluster/values/base.yaml")).get(0);
        for (JsonNode ns : base.path("namespaces")) {
            String expected = ns.path("name").asText().equals("gpu-operator") ? "privileged" : "restricted";
            assertThat(ns.path("podSecurity").asText()).as(ns.path("name").asText()).isEqualTo(expected);
        }
        assertThat(base.path("namespaces")).extracting(n -> n.path("name").asText())
                .containsExactly("ai-workloads", "gpu-operator", "weaviate", "cerbos");
    }

    @Test
    void autoCreateRepositoriesIsNoLongerAWarningWhenTheOwnerIsSet() {
        assertThat(generate("production_full").warnings()).noneMatch(w -> w.contains("auto_create_repositories"));
        assertThat(generate("production").warnings()).noneMatch(w -> w.contains("auto_create_repositories"));
        assertThat(generate("airgapped").warnings()).as("airgapped sources are generated now, not warned about")
                .noneMatch(w -> w.contains("airgapped"));
    }

    @Test
    void chartResolverIsTheOneSeamForChartLocations() throws IOException {
        ToolkitConfig config = Fixtures.config(home, "production");
        GeneratedRepository repo = new VectorweightGenerator(chart -> new dev.ailab.generators.charts.ChartLocation(
                "https://mirror.lab.internal/" + chart.chart, chart.chart, chart.version)).generate(config);
        JsonNode source = docs(text(repo, "argocd/apps/ai-cluster/cerbos.yaml")).get(0).path("spec").path("sources").get(0);
        assertThat(source.path("repoURL").asText()).isEqualTo("https://mirror.lab.internal/cerbos");
        assertThat(text(repo, "deploy.sh")).contains("https://mirror.lab.internal/argo-cd");
        assertThat(text(repo, "argocd/project.yaml")).contains("https://mirror.lab.internal/cerbos");
    }

    @Test
    void renovateConfigIsJson() throws IOException {
        JsonNode json = JsonMapper.builder().build().readTree(generate("minimal").files().get("renovate.json"));
        assertThat(json.path("argocd").path("fileMatch").get(0).asText()).isEqualTo("^argocd/.+\\.yaml$");
    }

    @Test
    void argoCdAssessesApplicationHealthSoWavesAreHonoured() throws IOException {
        JsonNode values = docs(text(generate("minimal"), "values/argocd.yaml")).get(0);
        assertThat(values.path("configs").path("cm").path("resource.customizations.health.argoproj.io_Application").asText())
                .isEqualTo(ComponentValues.APPLICATION_HEALTH).contains("obj.status.health.status");
    }
}
