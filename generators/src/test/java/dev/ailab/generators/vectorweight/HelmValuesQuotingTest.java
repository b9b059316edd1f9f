package dev.ailab.generators.vectorweight;

import dev.ailab.core.testing.TrickyYamlStrings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.marcnuri.helm.Helm;
import dev.ailab.core.yaml.YamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The values files we write read back the same in Go's yaml, the parser of Helm: every tricky
 * string goes into one values.yaml (as a value, a key, an item of a block list and of a flow
 * list), one template turns the values Helm parsed into JSON, and one {@code helm template} call
 * (about a second) renders it.
 * A string Go took for a number or a boolean ({@code 0b101} as 5, {@code yes} as true) comes back
 * as a JSON number or boolean, or as the key {@code "true"}. The same list is checked against
 * Jackson and SnakeYAML in core-profiles' YamlWriterTest.
 */
class HelmValuesQuotingTest {
    private static final List<String> TRICKY = TrickyYamlStrings.ALL;

    @TempDir
    Path dir;

    @Test
    void helmReadsEveryWrittenStringBackAsThatString() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < TRICKY.size(); i++) {
            values.put("k" + i, TRICKY.get(i));
            keys.put(TRICKY.get(i), "k" + i);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("values", values);
        doc.put("keys", keys);
        doc.put("list", new ArrayList<>(TRICKY));
        YamlWriter writer = YamlWriter.manifests();
        Path chart = dir.resolve("quoting");
        Files.createDirectories(chart.resolve("templates"));
        Map<String, Object> chartYaml = new LinkedHashMap<>();
        chartYaml.put("apiVersion", "v2");
        chartYaml.put("name", "quoting");
        chartYaml.put("version", "0.1.0");
        Files.writeString(chart.resolve("Chart.yaml"), writer.write(chartYaml));
        // plus the same list inline, as config show writes lists of scalars: [a, "b"]
        String flowList = YamlWriter.manifests().withFlowScalarLists().write(Map.of("flow", TRICKY));
        assertThat(flowList).startsWith("flow: [");
        Files.writeString(chart.resolve("values.yaml"), writer.write(doc) + flowList);
        Files.writeString(chart.resolve("templates/values.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: quoting
                data:
                  values.json: {{ toJson .Values | quote }}
                """);

        String rendered = new Helm(chart).template().withName("quoting").call();

        JsonNode configMap = GeneratorTest.docs(rendered).get(0);
        JsonNode parsed = JsonMapper.builder().build().readTree(configMap.path("data").path("values.json").textValue());
        for (int i = 0; i < TRICKY.size(); i++) {
            String text = TRICKY.get(i);
            JsonNode value = parsed.path("values").path("k" + i);
            assertThat(value.isTextual()).as("value %s read by Helm as %s", text, value).isTrue();
            assertThat(value.textValue()).as("value").isEqualTo(text);
            assertThat(parsed.path("keys").path(text).textValue()).as("key %s", text).isEqualTo("k" + i);
            assertThat(parsed.path("list").path(i).textValue()).as("list item %s", text).isEqualTo(text);
            assertThat(parsed.path("flow").path(i).textValue()).as("flow list item %s", text).isEqualTo(text);
        }
        assertThat(parsed.path("keys").size()).isEqualTo(TRICKY.size());
    }
}
