package dev.ailab.generators.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTest {
    private static final YAMLMapper READ = new YAMLMapper();

    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    @Test
    void ambiguousStringsAreQuotedSoTheyReadBackAsStrings() throws Exception {
        List<String> tricky = List.of("true", "No", "on", "null", "~", "16", "1.5", "0x1F", "1e3", "-5", "", " lead",
                "a: b", "#hash", "- dash", "[x]", "{y}", "it's", "quote\"d", "tab\there", "*star", "&amp", "ends:", "@at", "%pct", "`tick`");
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < tricky.size(); i++) {
            doc.put("k" + i, tricky.get(i));
        }
        JsonNode back = READ.readTree(Yaml.write(doc));
        for (int i = 0; i < tricky.size(); i++) {
            assertThat(back.get("k" + i).isTextual()).as(tricky.get(i)).isTrue();
            assertThat(back.get("k" + i).asText()).isEqualTo(tricky.get(i));
        }
    }

    @Test
    void plainStringsStayPlainAndTypesSurvive() throws Exception {
        String text = Yaml.write(m("url", "https://x.example.com/a", "name", "ai-cluster", "n", 5, "b", true,
                "list", List.of(1, "two"), "empty", List.of(), "none", m(), "nested", List.of(m("a", 1, "b", m("c", "d")))));
        assertThat(text).contains("url: https://x.example.com/a\n").contains("name: ai-cluster\n").contains("empty: []\n")
                .contains("none: {}\n").contains("- a: 1\n  b:\n    c: d\n");
        JsonNode back = READ.readTree(text);
        assertThat(back.get("n").isInt()).isTrue();
        assertThat(back.get("b").isBoolean()).isTrue();
        assertThat(back.get("nested").get(0).get("b").get("c").asText()).isEqualTo("d");
    }

    @Test
    void multiLineStringsAreBlockScalars() throws Exception {
        String body = "line one\n  indented\n\nlast\n";
        String text = Yaml.write(m("data", m("file.yaml", body, "nonl", "a\nb")));
        assertThat(text).contains("file.yaml: |\n");
        JsonNode back = READ.readTree(text);
        assertThat(back.get("data").get("file.yaml").asText()).isEqualTo(body);
        assertThat(back.get("data").get("nonl").asText()).isEqualTo("a\nb");
    }

    @Test
    void writeAllSeparatesDocuments() {
        assertThat(Yaml.writeAll(List.of(m("a", 1), m("b", 2)))).isEqualTo("a: 1\n---\nb: 2\n");
    }
}
