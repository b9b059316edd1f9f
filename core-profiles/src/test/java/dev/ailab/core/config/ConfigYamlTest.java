package dev.ailab.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigYamlTest {
    @Test
    void trickyStringsReadBackUnchanged() {
        ObjectNode tree = ConfigMapper.json().createObjectNode();
        String[] values = {"yes", "no", "on", "true", "null", "~", "", " lead", "trail ", "a: b", "a #b", "- x", "123",
            "1.5", "0x1F", "2024-01-01", "@home", "`x`", "'q'", "\"d\"", "multi\nline", "tab\there", "*alias", "&anchor",
            "!tag", "%x", "{a}", "[b]", "key:", "jdbc:sqlite:/x/y.db", "https://h/p?a=b&c=d", "~/x", "ünïcødé"};
        for (int i = 0; i < values.length; i++) {
            tree.put("k" + i, values[i]);
        }
        tree.putArray("list").add("yes").add("a, b").add(3);
        tree.putArray("objects").addObject().put("name", "x").put("n", 2).putObject("inner").put("deep", "no");
        tree.putObject("empty");
        String yaml = ConfigYaml.write(tree);
        YamlSource back = YamlSource.parse(Path.of("t.yaml"), yaml);
        assertThat(back.problems()).isEmpty();
        assertThat(back.tree()).as(yaml).isEqualTo(tree);
    }

    @Test
    void aListOfMapsIsWrittenAsAList() {
        var clusters = ConfigMapper.json().createArrayNode();
        clusters.addObject().put("name", "one").put("size", "small");
        clusters.addObject().put("name", "0b101").putArray("tags").add("on").add("x");
        assertThat(ConfigYaml.write(clusters)).isEqualTo("- name: one\n  size: small\n- name: \"0b101\"\n  tags: [\"on\", x]\n");
        assertThat(ConfigYaml.plain(clusters)).isEqualTo(ConfigYaml.write(clusters));
    }

    @Test
    void originsAreAlignedComments() {
        JsonNode tree = ConfigYaml.tree(new ToolkitConfig());
        ((ObjectNode) tree.get("store")).put("url", "jdbc:sqlite:/a.db");
        ((ObjectNode) tree).put("project_name", "demo");
        String yaml = ConfigYaml.write(tree, Map.of("store.url", "env AI_LAB_DB_URL", "project_name", "a.yaml:1:15")::get);
        assertThat(yaml).contains("project_name: demo        # a.yaml:1:15\n")
                .contains("  url: jdbc:sqlite:/a.db  # env AI_LAB_DB_URL\n");
    }

    @Test
    void passwordsInUrlsAreMasked() {
        assertThat(ConfigYaml.redact("jdbc:postgresql://db/x?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=***&ssl=true");
        assertThat(ConfigYaml.redact("https://me:ghp_token@github.com/o/r.git")).isEqualTo("https://me:***@github.com/o/r.git");
        assertThat(ConfigYaml.redact("git@github.com:o/r.git")).isEqualTo("git@github.com:o/r.git");
    }

    @Test
    void suggestionsFindNearMissesOnly() {
        var keys = java.util.List.of("clusters", "project_name", "environment");
        assertThat(Suggestions.closest("clustres", keys)).isEqualTo("clusters");
        assertThat(Suggestions.closest("ProjectName", keys)).isEqualTo("project_name");
        assertThat(Suggestions.closest("envirnoment", keys)).isEqualTo("environment");
        assertThat(Suggestions.closest("frobnicate", keys)).isNull();
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    }
}
