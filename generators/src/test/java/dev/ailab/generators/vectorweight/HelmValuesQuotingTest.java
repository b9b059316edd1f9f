package dev.ailab.generators.vectorweight;

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
import java.util.LinkedHashSet;
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
    private static final List<String> TRICKY = List.copyOf(new LinkedHashSet<>(List.of(
            "yes", "no", "on", "off", "Yes", "NO", "oN", "OFF", "y", "Y", "n", "N", "true", "False", "TRUE",
            "null", "Null", "NULL", "~", "", " ",
            "0", "12", "-5", "+12", "007", "017", "0_17", "1_000", "0b101", "0B101", "-0b101", "0b1_0", "0o17",
            "0O17", "0x1F", "0X1F", "-0x1f", "0x_1f", "1:20", "-1:20", "8080:80", "190:20:30.15",
            "1.5", "3.10", "0.1.0", "7.8.2", ".5", "-.5", "+.5", "1e3", "1E3", "1e+3", "1.5e-3", "6.8523015e+5",
            ".inf", ".Inf", "-.inf", "+.INF", ".nan", ".NaN", "-.NaN", "_", "__", ".", "..", "...",
            "2001-12-14", "2002-1-2", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
            "=", "=x", "<<", "*", "*alias", "&", "&anchor", "!", "!tag", "!!str", "%", "%YAML", "@", "@home",
            "`tick`", "-", "-x", "- x", "--- x", "... x", "?", "? x", ":", ":x", "::1", "key:", ",x", "[x]", "{y}",
            "]", "}", "|", "|x", ">", ">x", "#hash", "'q'", "\"d\"",
            "a: b", "a #b", "a#b", "trail ", " lead", "tab\there", "multi\nline", "cr\rx", "nul\u0000x",
            "del\u007fx", "nel\u0085x", "ls\u2028x", "ps\u2029x", "bom\ufeffx", "back\\slash", "say \"hi\"",
            "it's", "a, b", "a,b", "a:b", "http://x/y?z=1&w=2", "jdbc:sqlite:/x/y.db", "~/x", "$HOME", "a  b",
            "(paren)", "x (y)", "ünïcødé", "emoji \uD83D\uDE00",
            "line one\n  indented\n\nlast\n", "a\nb", "a\n\n", "a\n\n\n", "\n\nx", "x\n", "\n", "\n\n",
            "\n x", " lead\nx", "a \nb", "#x\n---\n...\n- y\nkey: v", "a\r\nb", "x\u0085\ny", "last \nline ")));

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
