package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import dev.ailab.generators.charts.ImageKeys;
import dev.ailab.generators.charts.UpstreamChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On an airgapped site every image the cluster pulls comes from {@code sources.image_registry}.
 * Checked against the charts themselves: each vendored chart (Weaviate, Qdrant, Chroma, Cerbos)
 * is rendered by real Helm with the generated values, and every container and init container
 * image of the render must be on the site's registry. Argo CD and the GPU operator are
 * vendored as values.yaml only (their templates need sub-charts that do not render offline), so
 * for them the chart's defaults with our values on top are walked for every image reference of
 * a part that is switched on.
 */
class ImageRewriteTest {
    static final String REGISTRY = "registry.lab.internal:5000";
    /** Every pinned chart is in use: weaviate, cerbos and the GPU operator; qdrant; chroma. */
    static final String CLUSTERS = """
            project_name: offline-lab
            environment: staging
            clusters:
              - name: gpu
                domain: gpu.lab.internal
                size: large
                gpu_enabled: true
                vector_store: weaviate
                cerbos_enabled: true
              - name: edge
                domain: edge.lab.internal
                size: medium
                vector_store: qdrant
                cerbos_enabled: false
              - name: dev
                domain: dev.lab.internal
                size: small
                vector_store: chroma
                cerbos_enabled: false
            enable_gpu_operator: true
            github:
              owner: lab
              api_url: https://ghe.lab.internal/api/v3
            """;
    static final String AIRGAPPED_GIT = """
            sources:
              mode: airgapped_git
              git_mirror: https://git.lab.internal/mirrors/charts.git
              image_registry: %s
            """.formatted(REGISTRY);

    @TempDir
    static Path home;

    private static GeneratedRepository generate(String text) {
        Path file = Fixtures.write(home, "images.yaml", text);
        return new VectorweightGenerator().generate(new Vectorweight(Fixtures.loader(home)).validate(file), home);
    }

    /** "values file: image" for every container image of every render not on {@code registry}. */
    private static List<String> renderedImagesOffRegistry(GeneratedRepository repo, Set<UpstreamChart> rendered) throws IOException {
        List<String> off = new ArrayList<>();
        for (Map.Entry<String, UpstreamChart> file : UpstreamCharts.valuesFiles(repo).entrySet()) {
            UpstreamChart chart = file.getValue();
            if (!UpstreamCharts.renderable(chart)) {
                continue;
            }
            Path values = home.resolve("values-" + file.getKey().replace('/', '-'));
            Files.write(values, repo.files().get(file.getKey()));
            String yaml = new Helm(UpstreamCharts.renderCopy(home, chart)).template().withName(chart.component)
                    .withNamespace(chart.component).withKubeVersion("1.31.0").withValuesFile(values).call();
            int images = 0;
            for (JsonNode doc : GeneratorTest.docs(yaml)) {
                // Helm test hooks run only under 'helm test'; neither engine runs them
                if (doc.path("metadata").path("annotations").path("helm.sh/hook").asText().contains("test")) {
                    continue;
                }
                JsonNode spec = PodSecurityLevels.podSpec(doc);
                if (spec == null) {
                    continue;
                }
                for (String list : List.of("initContainers", "containers")) {
                    for (JsonNode c : spec.path(list)) {
                        images++;
                        String image = c.path("image").asText();
                        if (!image.startsWith(REGISTRY + "/")) {
                            off.add(file.getKey() + ": " + image);
                        }
                    }
                }
            }
            assertThat(images).as(file.getKey() + " makes containers").isPositive();
            rendered.add(chart);
        }
        return off;
    }

    @Test
    void everyContainerImageOfEveryRenderedChartIsOnTheSitesRegistry() throws IOException {
        Set<UpstreamChart> rendered = EnumSet.noneOf(UpstreamChart.class);
        assertThat(renderedImagesOffRegistry(generate(CLUSTERS + AIRGAPPED_GIT), rendered)).isEmpty();
        assertThat(rendered).containsExactlyInAnyOrder(UpstreamChart.WEAVIATE, UpstreamChart.QDRANT, UpstreamChart.CHROMA,
                UpstreamChart.CERBOS);
    }

    @Test
    void theRenderCheckFindsTheChartsOwnRegistriesInInternetMode() throws IOException {
        List<String> off = renderedImagesOffRegistry(generate(CLUSTERS), EnumSet.noneOf(UpstreamChart.class));
        assertThat(off).anyMatch(i -> i.contains("cr.weaviate.io/")).anyMatch(i -> i.contains("docker.io/qdrant/qdrant"))
                .anyMatch(i -> i.contains("ghcr.io/chroma-core/chroma")).anyMatch(i -> i.contains("ghcr.io/cerbos/cerbos"));
    }

    @Test
    void argoCdAndTheGpuOperatorPullOnlyFromTheSitesRegistry() {
        GeneratedRepository repo = generate(CLUSTERS + AIRGAPPED_GIT);
        for (UpstreamChart chart : List.of(UpstreamChart.ARGO_CD, UpstreamChart.GPU_OPERATOR)) {
            String path = chart == UpstreamChart.ARGO_CD ? Layout.ARGOCD_VALUES : Layout.values("gpu", chart.component);
            JsonNode merged = UpstreamCharts.defaults(chart).deepCopy();
            merge((ObjectNode) merged, UpstreamCharts.yaml(repo.files().get(path)));
            List<String> refs = new ArrayList<>();
            imageReferences(merged, "", refs);
            assertThat(refs).as(chart.chart).hasSizeGreaterThanOrEqualTo(2).allMatch(r -> r.contains("= " + REGISTRY), "on the registry");
        }
        // and without an airgapped mode the same walk finds the upstream hosts, so it can fail
        List<String> upstream = new ArrayList<>();
        imageReferences(UpstreamCharts.defaults(UpstreamChart.GPU_OPERATOR), "", upstream);
        assertThat(upstream).anyMatch(r -> r.contains("nvcr.io"));
    }

    @Test
    void everyKeyOfTheTableHoldsThatDefaultInThePinnedChart() {
        for (UpstreamChart chart : UpstreamChart.values()) {
            for (ImageKeys.Key key : ImageKeys.of(chart)) {
                if (key.path().equals(ImageKeys.NFD_IMAGE)) {
                    continue; // a sub-chart's default, not in the operator's values.yaml
                }
                JsonNode at = UpstreamCharts.defaults(chart);
                for (String part : key.path().split("\\.")) {
                    at = at.path(part);
                }
                assertThat(at.asText()).as(chart.chart + " " + key.path()).isEqualTo(key.upstream());
            }
        }
        assertThat(new ImageKeys.Key("image.registry", "cr.weaviate.io").rewritten(REGISTRY)).isEqualTo(REGISTRY);
        assertThat(new ImageKeys.Key("initImage", "docker.io/httpd:2").rewritten(REGISTRY)).isEqualTo(REGISTRY + "/httpd:2");
        assertThat(new ImageKeys.Key("r", "nvcr.io/nvidia/k8s").rewritten(REGISTRY)).isEqualTo(REGISTRY + "/nvidia/k8s");
    }

    @Test
    void theValuesOfTheInternetModeAreUnchanged() {
        GeneratedRepository internet = generate(CLUSTERS);
        assertThat(new String(internet.files().get(Layout.values("edge", "qdrant")))).doesNotContain("repository");
    }

    private static void merge(ObjectNode into, JsonNode extra) {
        Iterator<Map.Entry<String, JsonNode>> it = extra.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject() && into.path(e.getKey()).isObject()) {
                merge((ObjectNode) into.get(e.getKey()), e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * "path = value" of every image reference (a {@code repository} or {@code registry} with a
     * host, an {@code image} string with a host) under parts not switched off ({@code enabled: false}).
     */
    private static void imageReferences(JsonNode node, String path, List<String> into) {
        if (!node.isObject() || node.path("enabled").isBoolean() && !node.path("enabled").asBoolean()) {
            return;
        }
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            JsonNode v = node.get(k);
            if (v.isTextual() && Set.of("repository", "registry", "image").contains(k) && !v.asText().isBlank()
                    && !ImageKeys.withoutHost(v.asText()).equals(v.asText())) {
                into.add(path + k + " = " + v.asText());
            }
            imageReferences(v, path + k + ".", into);
        }
    }
}
