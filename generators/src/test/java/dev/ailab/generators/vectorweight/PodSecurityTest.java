package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import dev.ailab.core.io.Sha256;
import dev.ailab.generators.charts.UpstreamChart;
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
 * Every pod the generated values make passes the Pod Security level that our cluster-base
 * puts on its namespace: each vendored upstream chart is rendered by real Helm (helm-java,
 * offline) with the generated values of every example config, as Argo CD and Flux render
 * it, and each pod spec is held to the level of its namespace. Identical values files are
 * rendered once (a Helm call costs about a second).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodSecurityTest {
    @TempDir
    static Path home;

    /** "example: values file" to the pods its render makes, with the level of their namespace. */
    private final Map<String, List<JsonNode>> pods = new HashMap<>();
    private final Map<String, String> levels = new HashMap<>();

    @BeforeAll
    void renderAll() throws IOException {
        Map<String, String> rendered = new HashMap<>();
        for (Map.Entry<String, GeneratedRepository> example : UpstreamCharts.examples(home).entrySet()) {
            GeneratedRepository repo = example.getValue();
            for (Map.Entry<String, UpstreamChart> file : UpstreamCharts.valuesFiles(repo).entrySet()) {
                UpstreamChart chart = file.getValue();
                if (!UpstreamCharts.renderable(chart)) {
                    continue;
                }
                byte[] values = repo.files().get(file.getKey());
                String key = chart.component + "/" + Sha256.of(values);
                String yaml = rendered.get(key);
                if (yaml == null) {
                    Path f = home.resolve(key.replace('/', '-') + ".yaml");
                    Files.write(f, values);
                    yaml = new Helm(UpstreamCharts.renderCopy(home, chart)).template().withName(chart.component)
                            .withNamespace(chart.component).withKubeVersion("1.31.0").withValuesFile(f).call();
                    rendered.put(key, yaml);
                }
                String id = example.getKey() + ": " + file.getKey();
                pods.put(id, workloads(yaml));
                levels.put(id, namespaceLevel(repo, file.getKey(), chart.component));
            }
        }
    }

    /** The pod specs of a render, leaving out Helm test hooks (run only by {@code helm test}). */
    private static List<JsonNode> workloads(String yaml) throws IOException {
        List<JsonNode> specs = new ArrayList<>();
        for (JsonNode doc : GeneratorTest.docs(yaml)) {
            if (doc.path("metadata").path("annotations").path("helm.sh/hook").asText().contains("test")) {
                continue;
            }
            JsonNode spec = PodSecurityLevels.podSpec(doc);
            if (spec != null) {
                specs.add(spec);
            }
        }
        return specs;
    }

    /** The level cluster-base's values give the component's namespace in the same cluster. */
    private static String namespaceLevel(GeneratedRepository repo, String valuesFile, String namespace) {
        String base = valuesFile.replaceFirst("[^/]+\\.yaml$", ClusterBaseChart.COMPONENT + ".yaml");
        for (JsonNode ns : UpstreamCharts.yaml(repo.files().get(base)).path("namespaces")) {
            if (ns.path("name").asText().equals(namespace)) {
                return ns.path("podSecurity").asText();
            }
        }
        throw new AssertionError("no namespace " + namespace + " in " + base);
    }

    @Test
    void everyRenderedPodPassesItsNamespaceLevel() {
        assertThat(pods).as("renders").hasSizeGreaterThan(5);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> e : pods.entrySet()) {
            assertThat(e.getValue()).as(e.getKey() + " makes pods").isNotEmpty();
            for (JsonNode spec : e.getValue()) {
                PodSecurityLevels.violations(levels.get(e.getKey()), spec)
                        .forEach(v -> failures.add(e.getKey() + " (" + levels.get(e.getKey()) + "): " + v));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void onlyChromaIsBelowRestricted() {
        levels.forEach((id, level) -> assertThat(level).as(id)
                .isEqualTo(id.endsWith("/chroma.yaml") ? "baseline" : "restricted"));
        assertThat(levels.keySet()).anyMatch(id -> id.endsWith("/chroma.yaml"));
    }

    @Test
    void theChecksRejectWhatTheChartsDidBeforeTheFix() throws IOException {
        // qdrant's default ensure-dir-ownership init container: chown as root, no security context
        JsonNode qdrantDefault = workloads(new Helm(UpstreamCharts.chart(UpstreamChart.QDRANT)).template().withName("qdrant")
                .withNamespace("qdrant").call()).get(0);
        assertThat(PodSecurityLevels.violations("restricted", qdrantDefault))
                .anyMatch(v -> v.startsWith("container ensure-dir-ownership"));
        JsonNode hostPod = UpstreamCharts.yaml("""
                containers: [{name: c, securityContext: {privileged: true}}]
                volumes: [{name: h, hostPath: {path: /}}]
                hostNetwork: true
                """.getBytes());
        assertThat(PodSecurityLevels.violations("baseline", hostPod)).hasSize(3);
        assertThat(PodSecurityLevels.violations("privileged", hostPod)).isEmpty();
    }
}
