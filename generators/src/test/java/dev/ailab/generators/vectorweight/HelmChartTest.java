package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated local chart under real Helm (helm-java runs Helm in-process, offline): lint
 * --strict once, and template once per cluster of the fullest example and the minimal one.
 * Each Helm call costs about a second, so they all run once in {@link #renderOnce}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmChartTest {
    @TempDir
    static Path home;

    private LintResult lint;
    private final Map<String, String> rendered = new HashMap<>();

    @BeforeAll
    void renderOnce() throws IOException {
        Path full = home.resolve("full");
        Path minimal = home.resolve("minimal");
        new Vectorweight(Fixtures.loader(home)).generate(Fixtures.template(home, "production_full"), full, home, false);
        new Vectorweight(Fixtures.loader(home)).generate(Fixtures.template(home, "minimal"), minimal, home, false);
        Path chart = full.resolve(ClusterBaseChart.PATH);
        lint = new Helm(chart).lint().strict().call();
        for (String cluster : List.of("ai-cluster", "search", "dev")) {
            rendered.put(cluster, new Helm(chart).template().withName("cluster-base").withKubeVersion("1.31.0")
                    .withValuesFile(full.resolve("clusters/" + cluster + "/values/base.yaml")).call());
        }
        rendered.put("lab", new Helm(minimal.resolve(ClusterBaseChart.PATH)).template().withName("cluster-base")
                .withValuesFile(minimal.resolve("clusters/lab/values/base.yaml")).call());
    }

    private List<JsonNode> docs(String cluster) throws IOException {
        return GeneratorTest.docs(rendered.get(cluster));
    }

    private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        List<JsonNode> out = new ArrayList<>();
        docs.stream().filter(d -> d.path("kind").asText().equals(kind)).forEach(out::add);
        return out;
    }

    @Test
    void chartPassesStrictLint() {
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @Test
    void everyRenderedDocumentIsAKubernetesObject() throws IOException {
        for (String cluster : rendered.keySet()) {
            List<JsonNode> docs = docs(cluster);
            assertThat(docs).as(cluster).isNotEmpty();
            for (JsonNode d : docs) {
                assertThat(d.path("apiVersion").asText()).as(cluster).isNotEmpty();
                assertThat(d.path("kind").asText()).as(cluster).isNotEmpty();
                assertThat(d.path("metadata").path("name").asText()).as(cluster).isNotEmpty();
            }
        }
    }

    @Test
    void namespacesCarryPodSecurityLabelsAndComeFirst() throws IOException {
        List<JsonNode> namespaces = ofKind(docs("ai-cluster"), "Namespace");
        assertThat(namespaces).extracting(n -> n.path("metadata").path("name").asText())
                .containsExactly("ai-workloads", "gpu-operator", "weaviate", "cerbos");
        for (JsonNode ns : namespaces) {
            String level = ns.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText();
            assertThat(level).isEqualTo(ns.path("metadata").path("name").asText().equals("gpu-operator") ? "privileged" : "restricted");
            assertThat(ns.path("metadata").path("annotations").path("argocd.argoproj.io/sync-wave").asText()).isEqualTo("-10");
        }
    }

    @Test
    void everyNamespaceHasDefaultDenyAndOnlyTheNeededAllowRules() throws IOException {
        List<JsonNode> policies = ofKind(docs("ai-cluster"), "NetworkPolicy");
        for (String ns : List.of("ai-workloads", "gpu-operator", "weaviate", "cerbos")) {
            assertThat(policies).filteredOn(p -> p.path("metadata").path("namespace").asText().equals(ns))
                    .extracting(p -> p.path("metadata").path("name").asText())
                    .contains("default-deny", "allow-dns", "allow-same-namespace");
        }
        JsonNode fromWorkloads = policies.stream().filter(p -> p.path("metadata").path("namespace").asText().equals("weaviate")
                && p.path("metadata").path("name").asText().equals("allow-from-ai-workloads")).findFirst().orElseThrow();
        assertThat(fromWorkloads.path("spec").path("ingress").get(0).path("ports").findValuesAsText("port"))
                .containsExactly("8080", "50051");
        assertThat(policies).filteredOn(p -> p.path("metadata").path("name").asText().equals("allow-ingress-controller"))
                .extracting(p -> p.path("metadata").path("namespace").asText()).containsExactly("ai-workloads");
        assertThat(policies).filteredOn(p -> p.path("metadata").path("name").asText().equals("allow-api-server"))
                .extracting(p -> p.path("metadata").path("namespace").asText()).containsExactly("gpu-operator");
    }

    @Test
    void quotaAndLimitRangeFollowTheSizePreset() throws IOException {
        JsonNode quota = ofKind(docs("search"), "ResourceQuota").get(0);
        assertThat(quota.path("spec").path("hard").path("requests.cpu").asText()).isEqualTo("8");
        assertThat(quota.path("spec").path("hard").path("requests.memory").asText()).isEqualTo("16Gi");
        assertThat(quota.path("spec").path("hard").path("requests.storage").asText()).isEqualTo("250Gi");
        assertThat(quota.path("spec").path("hard").has("requests.nvidia.com/gpu")).isFalse();
        JsonNode gpuQuota = ofKind(docs("ai-cluster"), "ResourceQuota").get(0);
        assertThat(gpuQuota.path("spec").path("hard").path("requests.nvidia.com/gpu").asText()).isEqualTo("2");
        JsonNode minimal = ofKind(docs("lab"), "LimitRange").get(0);
        assertThat(minimal.path("spec").path("limits").get(0).path("max").path("cpu").asText()).isEqualTo("2");
        assertThat(minimal.path("spec").path("limits").get(0).path("max").path("memory").asText()).isEqualTo("4Gi");
    }

    @Test
    void cerbosPoliciesOnlyWhereEnabled() throws IOException {
        List<JsonNode> maps = ofKind(docs("search"), "ConfigMap");
        assertThat(maps).hasSize(1);
        assertThat(maps.get(0).path("data").path("vector_collection.yaml").asText()).contains("resource: vector_collection");
        assertThat(ofKind(docs("dev"), "ConfigMap")).isEmpty();
        assertThat(ofKind(docs("lab"), "ConfigMap")).isEmpty();
    }

    @Test
    void renderedChartDoesNotDependOnTheNetwork() throws IOException {
        assertThat(Files.exists(home.resolve("full").resolve(ClusterBaseChart.PATH).resolve("Chart.lock"))).isFalse();
        assertThat(Files.readString(home.resolve("full").resolve(ClusterBaseChart.PATH).resolve("Chart.yaml")))
                .doesNotContain("dependencies");
    }
}
