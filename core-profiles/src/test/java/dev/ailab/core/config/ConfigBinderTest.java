package dev.ailab.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The start-up binder gives exactly what Jackson's data binding gives, on every example config. */
class ConfigBinderTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private final ObjectMapper json = ConfigMapper.json();

    @Test
    void bindsEveryExampleLikeJackson() throws IOException {
        List<Path> examples = new ArrayList<>(List.of(ROOT.resolve("examples/config.yaml")));
        try (Stream<Path> files = Files.list(ROOT.resolve("examples/vectorweight"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(examples::add);
        }
        assertThat(examples).hasSizeGreaterThan(3);
        for (Path example : examples) {
            JsonNode tree = SchemaCheck.withoutNullMembers(YamlSource.read(example).tree());
            ToolkitConfig ours = ConfigBinder.bind(tree, ToolkitConfig.class);
            ToolkitConfig jackson = json.treeToValue(tree, ToolkitConfig.class);
            JsonNode expected = json.valueToTree(jackson);
            JsonNode actual = json.valueToTree(ours);
            assertThat(actual).as(example.toString()).isEqualTo(expected);
        }
    }

    @Test
    void enumsAreTheirLowerCaseNamesAsJacksonWritesThem() {
        for (Class<? extends Enum<?>> type : List.of(Environment.class, ClusterSize.class, VectorStore.class,
                SourcesConfig.Mode.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                assertThat(json.<JsonNode>valueToTree(constant).asText()).isEqualTo(constant.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    @Test
    void freeFormAnswersKeepTheirTypes() throws IOException {
        JsonNode tree = json.readTree("{\"answers\": {\"name\": \"x\", \"n\": 3, \"big\": 12345678901, \"r\": 1.5,"
                + " \"on\": true, \"list\": [1, \"a\"], \"nested\": {\"k\": null}}}");
        ToolkitConfig ours = ConfigBinder.bind(tree, ToolkitConfig.class);
        assertThat(ours.answers).isEqualTo(json.treeToValue(tree, ToolkitConfig.class).answers);
        assertThat(ours.answers.get("big")).isEqualTo(12345678901L);
    }

    @Test
    void whatDoesNotFitTheModelIsNamedByItsPlace() throws IOException {
        assertThatThrownBy(() -> ConfigBinder.bind(json.readTree("{\"store\": {\"uri\": \"x\"}}"), ToolkitConfig.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store.uri").hasMessageContaining("unknown key");
        assertThatThrownBy(() -> ConfigBinder.bind(json.readTree("{\"clusters\": [{\"size\": \"huge\"}]}"), ToolkitConfig.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clusters[0].size").hasMessageContaining("huge");
        assertThatThrownBy(() -> ConfigBinder.bind(json.readTree("{\"enable_gpu_operator\": \"yes\"}"), ToolkitConfig.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true or false");
    }
}
