package dev.ailab.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The published JSON Schema and the Jackson model describe the same keys, types and enum values. */
class SchemaModelAgreementTest {
    private final ObjectMapper mapper = ConfigMapper.json();

    @Test
    void everyModelPropertyIsInTheSchemaAndViceVersa() {
        List<String> differences = new ArrayList<>();
        compare(mapper.constructType(ToolkitConfig.class), ConfigSchema.resolve(ConfigSchema.node()), "", differences);
        assertThat(differences).isEmpty();
    }

    @Test
    void theComparisonNoticesAKeyMissingFromTheSchema() {
        // The check itself can fail: a model with a key the schema lacks is reported.
        List<String> differences = new ArrayList<>();
        compare(mapper.constructType(Extra.class), ConfigSchema.schemaAt("/store"), "store", differences);
        assertThat(differences).containsExactly("store: model has keys the schema lacks: [extra_key]");
    }

    static class Extra extends StoreConfig {
        public String extraKey;
    }

    @Test
    void schemaIsDraft202012WithClosedObjectsAndDescriptions() {
        JsonNode schema = ConfigSchema.node();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        ConfigSchema.keys().forEach((key, node) -> {
            assertThat(node.path("description").asText()).as("description of " + key).isNotBlank();
            if (node.has("properties")) {
                assertThat(node.path("additionalProperties").asBoolean(true)).as("additionalProperties of " + key).isFalse();
            }
        });
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }

    private void compare(JavaType type, JsonNode schema, String path, List<String> differences) {
        Class<?> raw = type.getRawClass();
        String schemaType = schema.path("type").asText("");
        if (type.isCollectionLikeType()) {
            expectType(path, "array", schemaType, differences);
            compare(type.getContentType(), ConfigSchema.resolve(schema.path("items")), path + "[]", differences);
        } else if (raw.isEnum()) {
            expectType(path, "string", schemaType, differences);
            Set<String> javaValues = Arrays.stream(raw.getEnumConstants())
                    .map(c -> mapper.convertValue(c, String.class)).collect(Collectors.toCollection(TreeSet::new));
            Set<String> schemaValues = new TreeSet<>();
            schema.path("enum").forEach(v -> schemaValues.add(v.asText()));
            if (!javaValues.equals(schemaValues)) {
                differences.add(path + ": enum " + javaValues + " vs schema " + schemaValues);
            }
        } else if (raw == String.class) {
            expectType(path, "string", schemaType, differences);
        } else if (raw == Integer.class || raw == int.class || raw == Long.class) {
            expectType(path, "integer", schemaType, differences);
        } else if (raw == Boolean.class || raw == boolean.class) {
            expectType(path, "boolean", schemaType, differences);
        } else {
            expectType(path, "object", schemaType, differences);
            BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
            Set<String> modelKeys = new TreeSet<>();
            for (BeanPropertyDefinition p : bean.findProperties()) {
                modelKeys.add(p.getName());
            }
            Set<String> schemaKeys = new TreeSet<>();
            Iterator<String> it = schema.path("properties").fieldNames();
            it.forEachRemaining(schemaKeys::add);
            Set<String> onlyModel = new TreeSet<>(modelKeys);
            onlyModel.removeAll(schemaKeys);
            Set<String> onlySchema = new TreeSet<>(schemaKeys);
            onlySchema.removeAll(modelKeys);
            if (!onlyModel.isEmpty()) {
                differences.add(path + ": model has keys the schema lacks: " + onlyModel);
            }
            if (!onlySchema.isEmpty()) {
                differences.add(path + ": schema has keys the model lacks: " + onlySchema);
            }
            for (BeanPropertyDefinition p : bean.findProperties()) {
                if (schemaKeys.contains(p.getName())) {
                    compare(p.getPrimaryType(), ConfigSchema.resolve(schema.path("properties").path(p.getName())),
                            (path.isEmpty() ? "" : path + ".") + p.getName(), differences);
                }
            }
        }
    }

    private static void expectType(String path, String expected, String actual, List<String> differences) {
        if (!expected.equals(actual)) {
            differences.add(path + ": model type " + expected + " vs schema type " + actual);
        }
    }
}
