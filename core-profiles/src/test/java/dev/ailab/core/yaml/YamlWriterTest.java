package dev.ailab.core.yaml;

import dev.ailab.core.testing.TrickyYamlStrings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlWriterTest {
    private static final YAMLMapper JACKSON = new YAMLMapper();
    private static final List<YamlWriter> LAYOUTS = List.of(YamlWriter.indented(), YamlWriter.manifests(),
            YamlWriter.indented().withFlowScalarLists(), YamlWriter.manifests().withFlowScalarLists());

    /** The strings of {@link TrickyYamlStrings}; the generators module renders the same list through Helm. */
    static Stream<String> tricky() {
        return TrickyYamlStrings.ALL.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("tricky")
    void trickyTextReadsBackAsTheSameStringInJacksonAndSnakeYaml(String text) throws Exception {
        for (YamlWriter writer : LAYOUTS) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("value", text);
            doc.put(text, "as key");
            doc.put("list", List.of(text, "x"));
            doc.put("nested", Map.of("deeper", List.of(Map.of("v", text))));
            String yaml = writer.write(doc);

            JsonNode jackson = JACKSON.readTree(yaml);
            assertThat(jackson.get("value").isTextual()).as(yaml).isTrue();
            assertThat(jackson.get("value").textValue()).as(yaml).isEqualTo(text);
            assertThat(jackson.get(text)).as(yaml).isNotNull();
            assertThat(jackson.get(text).textValue()).as(yaml).isEqualTo("as key");
            assertThat(jackson.get("list").get(0).textValue()).as(yaml).isEqualTo(text);
            assertThat(jackson.at("/nested/deeper/0/v").textValue()).as(yaml).isEqualTo(text);

            Map<?, ?> snake = new org.yaml.snakeyaml.Yaml().load(yaml);
            assertThat(snake.get("value")).as(yaml).isInstanceOf(String.class).isEqualTo(text);
            assertThat(snake.get(text)).as(yaml).isEqualTo("as key");
            assertThat(((List<?>) snake.get("list")).get(0)).as(yaml).isInstanceOf(String.class).isEqualTo(text);
            Object deep = ((Map<?, ?>) ((List<?>) ((Map<?, ?>) snake.get("nested")).get("deeper")).get(0)).get("v");
            assertThat(deep).as(yaml).isInstanceOf(String.class).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "ai-cluster", "https://x.example.com/a", "jdbc:sqlite:/x/y.db", "16Gi", "8Gi",
        "a b", "~/x", ".env", "$HOME", "1.2.3-beta", "v1.2", "x (y)", "a=b", "a:b", "a,b", "nvidia.com/gpu",
        "pod-security.kubernetes.io/enforce", "restricted", "ghcr.io/o/img:1.2", "user@host", "_helpers", "+x"})
    void ordinaryTextStaysBare(String text) {
        assertThat(YamlScalars.block(text)).isEqualTo(text);
    }

    @Test
    void flowListsQuoteCommas() {
        assertThat(YamlScalars.flow("a,b")).isEqualTo("\"a,b\"");
        assertThat(YamlScalars.flow("a:b")).isEqualTo("a:b");
        assertThat(YamlWriter.indented().withFlowScalarLists().write(Map.of("l", List.of("yes", "a, b", 3, true))))
                .isEqualTo("l: [\"yes\", \"a, b\", 3, true]\n");
    }

    @Test
    void escapesAreJsonCompatible() {
        assertThat(YamlScalars.doubleQuoted("q\"\\\b\t\n\f\r\u0001\u007f\u0085\u2028é"))
                .isEqualTo("\"q\\\"\\\\\\b\\t\\n\\f\\r\\u0001\\u007f\\u0085\\u2028é\"");
    }

    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    @Test
    void manifestLayoutPutsListsAtTheKeyColumnAndKeepsTypes() throws Exception {
        String text = YamlWriter.manifests().write(m("url", "https://x.example.com/a", "name", "ai-cluster", "count", 5,
                "b", true, "list", List.of(1, "two"), "empty", List.of(), "none", m(), "nested",
                List.of(m("a", 1, "b", m("c", "d"))), "deep", List.of(List.of("x", 2L)), "nothing", null));
        assertThat(text).isEqualTo("""
                url: https://x.example.com/a
                name: ai-cluster
                count: 5
                b: true
                list:
                - 1
                - two
                empty: []
                none: {}
                nested:
                - a: 1
                  b:
                    c: d
                deep:
                -
                  - x
                  - 2
                nothing: null
                """);
        JsonNode back = JACKSON.readTree(text);
        assertThat(back.get("count").isInt()).isTrue();
        assertThat(back.get("b").isBoolean()).isTrue();
        assertThat(back.get("nested").get(0).get("b").get("c").asText()).isEqualTo("d");
        assertThat(back.get("deep").get(0).get(1).isInt()).isTrue();
    }

    @Test
    void indentedLayoutPutsListsUnderTheirKey() {
        assertThat(YamlWriter.indented().write(m("project_name", "demo", "answers", m("services", List.of("auth", "0.5"),
                "docker", true), "clusters", List.of(m("name", "one", "tags", List.of("a"))))))
                .isEqualTo("""
                        project_name: demo
                        answers:
                          services:
                            - auth
                            - "0.5"
                          docker: true
                        clusters:
                          - name: one
                            tags:
                              - a
                        """);
        assertThat(YamlWriter.indented().withFlowScalarLists().write(m("agents", List.of("claude", "grok"),
                "objects", List.of(m("size", 2)), "empties", List.of(m(), List.of()))))
                .isEqualTo("agents: [claude, grok]\nobjects:\n  - size: 2\nempties: [{}, []]\n");
        assertThat(YamlWriter.indented().write(m())).isEqualTo("{}\n");
        assertThat(YamlWriter.manifests().write(List.of(m("a", 1), "b"))).isEqualTo("- a: 1\n- b\n");
    }

    @Test
    void multiLineTextIsALiteralBlockInManifestsAndQuotedOtherwise() throws Exception {
        String body = "line one\n  indented\n\nlast\n";
        String text = YamlWriter.manifests().write(m("data", m("file.yaml", body, "nonl", "a\nb", "keep", "a\n\n"),
                "items", List.of("x\ny")));
        assertThat(text).isEqualTo("""
                data:
                  file.yaml: |
                    line one
                      indented

                    last
                  nonl: |-
                    a
                    b
                  keep: |+
                    a

                items:
                - |-
                  x
                  y
                """);
        JsonNode back = JACKSON.readTree(text);
        assertThat(back.get("data").get("file.yaml").asText()).isEqualTo(body);
        assertThat(back.get("data").get("nonl").asText()).isEqualTo("a\nb");
        assertThat(back.get("data").get("keep").asText()).isEqualTo("a\n\n");
        assertThat(YamlWriter.indented().write(m("k", "a\nb"))).isEqualTo("k: \"a\\nb\"\n");
        for (String notLiteral : List.of("\n", "\n x", " lead\nx", "a \nb", "a\tb\nc", "a\r\nb", "x\u0085\ny")) {
            assertThat(YamlWriter.manifests().write(m("k", notLiteral))).as(notLiteral).startsWith("k: \"");
        }
    }

    @Test
    void commentsAreAlignedAfterValues() {
        Map<String, String> comments = Map.of("a", "one", "list[0]", "first", "m.deep", "two");
        String text = YamlWriter.indented().write(m("a", 1, "m", m("deep", "x"), "list", List.of("z")), comments::get);
        assertThat(text).isEqualTo("a: 1       # one\nm:\n  deep: x  # two\nlist:\n  - z      # first\n");
    }
}
