package dev.ailab.sources.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.testing.TrickyYamlStrings;
import dev.ailab.core.yaml.YamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    /** The migrated config is written by the one YAML writer: every tricky string reads back as itself. */
    @Test
    void migratedConfigReadsBackToTheSameValues(@TempDir Path dir) throws Exception {
        Map<String, Object> legacy = new LinkedHashMap<>();
        for (int i = 0; i < TrickyYamlStrings.ALL.size(); i++) {
            legacy.put("k" + i, TrickyYamlStrings.ALL.get(i));
        }
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, YamlWriter.indented().write(Map.of("ai_config", legacy)));
        ConfigFiles.Migration m = ConfigFiles.migrate(file);
        assertThat(m.changes()).contains("moved section 'ai_config' into 'library'");
        JsonNode back = ConfigMapper.yaml().readTree(m.yaml());
        for (int i = 0; i < TrickyYamlStrings.ALL.size(); i++) {
            assertThat(back.path("library").path("k" + i).isTextual()).as(TrickyYamlStrings.ALL.get(i)).isTrue();
            assertThat(back.path("library").path("k" + i).asText()).isEqualTo(TrickyYamlStrings.ALL.get(i));
        }
        // Written in the toolkit's layout: two-space indent and no document marker.
        assertThat(m.yaml()).startsWith("library:\n  k0: ");
    }
}
