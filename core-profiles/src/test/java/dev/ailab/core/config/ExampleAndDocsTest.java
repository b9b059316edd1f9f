package dev.ailab.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.io.XdgDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/config.yaml is valid, covers the whole schema, and points editors at the schema copy in docs/. */
class ExampleAndDocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXAMPLE = ROOT.resolve("examples/config.yaml");
    private static final Path DOCS_SCHEMA = ROOT.resolve("docs/schema/toolkit-config.schema.json");

    @TempDir
    Path tmp;

    @Test
    void exampleIsValid() {
        ConfigLoader loader = new ConfigLoader(XdgDirs.from(Map.of("HOME", tmp.toString())), tmp, Map.of());
        ToolkitConfig config = loader.validateFile(EXAMPLE);
        assertThat(config.projectName).isEqualTo("vectorweight-ai");
        assertThat(config.clusters).hasSize(2);
    }

    @Test
    void exampleMentionsEveryKeyOfTheSchema() throws IOException {
        String text = Files.readString(EXAMPLE);
        for (String key : ConfigSchema.keys().keySet()) {
            String last = key.substring(key.lastIndexOf('.') + 1);
            assertThat(text).as("examples/config.yaml shows " + key).containsPattern("(?m)^[ #-]*" + last + ":");
        }
    }

    @Test
    void exampleStartsWithTheLanguageServerLineThatPointsAtTheDocsSchema() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE);
        assertThat(lines.get(0)).isEqualTo("# yaml-language-server: $schema=../docs/schema/toolkit-config.schema.json");
        Path target = EXAMPLE.getParent().resolve("../docs/schema/toolkit-config.schema.json").normalize();
        assertThat(target).isEqualTo(DOCS_SCHEMA).exists();
    }

    @Test
    void docsSchemaIsTheSameAsThePublishedOne() throws IOException {
        assertThat(Files.readString(DOCS_SCHEMA)).isEqualTo(ConfigSchema.text());
    }
}
