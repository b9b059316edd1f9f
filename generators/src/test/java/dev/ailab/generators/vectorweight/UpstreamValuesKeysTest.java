package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ailab.generators.charts.UpstreamChart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every key of every generated values file is one the pinned chart reads: it is in the chart's
 * own values.yaml, allowed by its values.schema.json, or read by a template as
 * {@code .Values.a.b}. Under a map the chart leaves empty ({@code resources: {}}) or passes on
 * whole (a ConfigMap's data), anything goes. This is the check that would have caught
 * {@code persistence.size} on a chart that reads {@code chromadb.dataVolumeSize}.
 */
class UpstreamValuesKeysTest {
    /** Maps a chart copies into a ConfigMap or config file as they are: their keys are the application's, not the chart's. */
    private static final Map<UpstreamChart, Set<String>> PASSED_ON_WHOLE = Map.of(
            UpstreamChart.ARGO_CD, Set.of("configs.cm", "configs.params"));

    @TempDir
    Path home;

    @Test
    void everyGeneratedKeyIsReadByThePinnedChart() {
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, GeneratedRepository> example : UpstreamCharts.examples(home).entrySet()) {
            for (Map.Entry<String, UpstreamChart> file : UpstreamCharts.valuesFiles(example.getValue()).entrySet()) {
                UpstreamChart chart = file.getValue();
                JsonNode values = UpstreamCharts.yaml(example.getValue().files().get(file.getKey()));
                checked += walk(chart, values, UpstreamCharts.defaults(chart), UpstreamCharts.schema(chart),
                        UpstreamCharts.templates(chart), "", example.getKey() + ": " + file.getKey(), unknown);
            }
        }
        assertThat(checked).as("keys checked").isGreaterThan(100);
        assertThat(unknown).as("generated values keys the pinned chart does not read").isEmpty();
    }

    @Test
    void argoCdValuesThatSetUpKsopsAreReadByThePinnedChart() throws java.io.IOException {
        // no example config has age_recipients: the repo server's KSOPS set-up is checked here
        Path config = java.nio.file.Files.writeString(home.resolve("sops.yaml"), KsopsOutputTest.config(
                dev.ailab.deployment.secrets.AgeIdentity.generate().recipient()));
        GeneratedRepository repo = new VectorweightGenerator().generate(new Vectorweight(Fixtures.loader(home)).validate(config));
        JsonNode values = UpstreamCharts.yaml(repo.files().get(Layout.ARGOCD_VALUES));
        assertThat(values.path("repoServer").path("initContainers").get(0).path("image").asText()).isEqualTo(Ksops.IMAGE);
        List<String> unknown = new ArrayList<>();
        int checked = walk(UpstreamChart.ARGO_CD, values, UpstreamCharts.defaults(UpstreamChart.ARGO_CD),
                UpstreamCharts.schema(UpstreamChart.ARGO_CD), UpstreamCharts.templates(UpstreamChart.ARGO_CD), "", "ksops", unknown);
        assertThat(checked).isGreaterThan(10);
        assertThat(unknown).isEmpty();
    }

    @Test
    void theCheckRejectsAKeyTheChartDoesNotRead() {
        // the mistake this test exists for: Chroma 0.1.23 has no persistence.size
        List<String> unknown = new ArrayList<>();
        JsonNode wrong = UpstreamCharts.yaml("persistence:\n  enabled: true\n  size: 40Gi\nchromadb:\n  isPersistent: true\n".getBytes());
        walk(UpstreamChart.CHROMA, wrong, UpstreamCharts.defaults(UpstreamChart.CHROMA), null,
                UpstreamCharts.templates(UpstreamChart.CHROMA), "", "sample", unknown);
        assertThat(unknown).containsExactly("sample: persistence", "sample: persistence.enabled", "sample: persistence.size");
    }

    @Test
    void everyPinnedChartIsVendoredAtItsPinnedVersion() throws Exception {
        for (UpstreamChart chart : UpstreamChart.values()) {
            assertThat(UpstreamCharts.chart(chart).resolve("values.yaml")).as(chart.component).exists();
            String source = java.nio.file.Files.readString(UpstreamCharts.ROOT.resolve(chart.component).resolve("SOURCE.md"));
            assertThat(source).as(chart.component + " SOURCE.md names the pinned version").contains(chart.version.replaceFirst("^v", ""));
            assertThat(UpstreamCharts.ROOT.resolve(chart.component).resolve("LICENSE")).exists();
            if (UpstreamCharts.renderable(chart)) {
                JsonNode meta = UpstreamCharts.yaml(java.nio.file.Files.readAllBytes(UpstreamCharts.chart(chart).resolve("Chart.yaml")));
                assertThat(meta.path("version").asText()).as(chart.component).isEqualTo(chart.version);
            }
        }
    }

    /** Returns the number of keys checked; adds "where: a.b" for each key the chart does not read. */
    private static int walk(UpstreamChart chart, JsonNode values, JsonNode defaults, JsonNode schema, String templates,
                            String path, String where, List<String> unknown) {
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            n++;
            JsonNode def = defaults == null ? null : defaults.get(e.getKey());
            JsonNode sub = schemaOf(schema, e.getKey());
            boolean read = def != null || sub != null || templates.contains(".Values." + key + " ")
                    || templates.contains(".Values." + key + "}") || templates.contains(".Values." + key + ".")
                    || templates.contains(".Values." + key + ")") || templates.contains(".Values." + key + "\n");
            if (!read) {
                unknown.add(where + ": " + key);
            }
            boolean freeForm = PASSED_ON_WHOLE.getOrDefault(chart, Set.of()).contains(key)
                    || def != null && def.isObject() && def.isEmpty() && sub == null
                    || sub != null && sub.path("additionalProperties").asBoolean(false) && !sub.has("properties")
                    || passedWhole(templates, key);
            if (e.getValue().isObject() && !freeForm) {
                n += walk(chart, e.getValue(), def != null && def.isObject() ? def : null, sub, templates, key, where, unknown);
            }
        }
        return n;
    }

    /** Whether a template writes the whole map out with toYaml (directly or through {@code with}, within three lines), so its keys are Kubernetes' (a security context). */
    private static boolean passedWhole(String templates, String key) {
        String k = java.util.regex.Pattern.quote(".Values." + key);
        return java.util.regex.Pattern.compile("toYaml\\s+\\(?" + k + "\\b(?!\\.)|" + k + "\\s*\\|\\s*toYaml"
                + "|with\\s+" + k + "\\s*-?}}(?:\\n[^\\n]*){0,2}\\n[^\\n]*toYaml\\s+\\.[\\s|]").matcher(templates).find();
    }

    /** The schema of property {@code key} under {@code schema}, or null when the schema does not name it. */
    private static JsonNode schemaOf(JsonNode schema, String key) {
        if (schema == null) {
            return null;
        }
        JsonNode p = schema.path("properties").get(key);
        if (p != null) {
            return p;
        }
        JsonNode additional = schema.get("additionalProperties");
        return additional != null && additional.isObject() ? additional : null;
    }
}
