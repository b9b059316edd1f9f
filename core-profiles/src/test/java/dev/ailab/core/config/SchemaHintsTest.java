package dev.ailab.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hint of a pattern lives next to the pattern in the schema ({@code x-hint}, with
 * {@code x-means} naming what it stands for), and a pattern failure is worded from the schema
 * node whose pattern failed.
 */
class SchemaHintsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Breaks every pattern of the schema, and no length limit. */
    private static final String UNFIT = "Not Valid!";

    @Test
    void everyPatternOfTheSchemaHasAHintAndAMeaningBesideIt() {
        List<String> patterns = new ArrayList<>();
        collectPatterns(ConfigSchema.node(), "", patterns);
        assertThat(patterns).as("schema nodes with a pattern").hasSizeGreaterThanOrEqualTo(7);
        for (String at : patterns) {
            JsonNode node = ConfigSchema.node().at(at);
            assertThat(node.path("x-hint").isTextual() && !node.path("x-hint").asText().isBlank())
                    .as("x-hint beside the pattern at %s", at).isTrue();
            assertThat(node.path("x-means").isTextual() && !node.path("x-means").asText().isBlank())
                    .as("x-means beside the pattern at %s", at).isTrue();
        }
    }

    @Test
    void aPatternFailureCarriesTheHintOfTheNodeWhosePatternFailed() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> key : ConfigSchema.keys().entrySet()) {
            JsonNode schema = key.getValue();
            boolean listOfPatterned = schema.has("items") && ConfigSchema.resolve(schema.get("items")).has("pattern");
            if (!schema.has("pattern") && !listOfPatterned) {
                continue;
            }
            JsonNode patterned = listOfPatterned ? ConfigSchema.resolve(schema.get("items")) : schema;
            String pointer = pointerOf(key.getKey()) + (listOfPatterned ? "/0" : "");
            JsonNode document = documentWith(key.getKey(), listOfPatterned
                    ? NODES.arrayNode().add(UNFIT) : NODES.textNode(UNFIT));

            List<SchemaCheck.Violation> violations = SchemaCheck.check(document);

            assertThat(violations).as("%s set to '%s'", key.getKey(), UNFIT).hasSize(1);
            SchemaCheck.Violation v = violations.get(0);
            assertThat(v.pointer()).isEqualTo(pointer);
            assertThat(v.message()).isEqualTo(SchemaCheck.display(pointer) + " must be "
                    + patterned.get("x-means").asText() + ", found '" + UNFIT + "'");
            // A DNS label's hint also proposes a label made from the value (SuggestionsTest).
            assertThat(v.hint()).isEqualTo(patterned.get("x-hint").asText()
                    + ("a DNS label".equals(patterned.path("x-means").asText()) ? "; try '" + Suggestions.dnsLabel(UNFIT, 63) + "'" : ""));
            checked++;
        }
        assertThat(checked).as("keys with a pattern").isGreaterThanOrEqualTo(10);
    }

    @Test
    void aValueTooLongForAPatternedKeyGetsThatPatternsHint() {
        ObjectNode document = NODES.objectNode().put("project_name", "a".repeat(64));
        List<SchemaCheck.Violation> violations = SchemaCheck.check(document);
        assertThat(violations).extracting(SchemaCheck.Violation::hint)
                .containsExactly(ConfigSchema.node().at("/$defs/dnsLabel/x-hint").asText() + "; try '" + "a".repeat(52) + "'");
    }

    @Test
    void theValidatorKnowsTheMessageKeywordsAndRefusesAnyOtherUnknownOne() {
        JsonSchema published = SchemaCheck.compile(ConfigSchema.node());
        published.initializeValidators();
        assertThat(published.getValidationContext().getMetaSchema().getKeywords())
                .containsKeys("x-hint", "x-means", "pattern");

        ObjectNode unknown = ConfigSchema.node().deepCopy();
        ((ObjectNode) unknown.at("/$defs/dnsLabel")).put("x-hnit", "a typo of x-hint");
        assertThatThrownBy(() -> SchemaCheck.compile(unknown).initializeValidators())
                .hasStackTraceContaining("x-hnit");
    }

    private static void collectPatterns(JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            if (node.path("pattern").isTextual()) {
                out.add(at);
            }
            node.properties().forEach(e -> collectPatterns(e.getValue(), at + "/" + JsonPointers.escape(e.getKey()), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectPatterns(node.get(i), at + "/" + i, out);
            }
        }
    }

    /** {@code clusters[].resources.storage_class} becomes {@code /clusters/0/resources/storage_class}. */
    private static String pointerOf(String dottedKey) {
        return "/" + dottedKey.replace("[]", "/0").replace('.', '/');
    }

    /**
     * A document whose only problem can be {@code value} at {@code dottedKey}: list entries on the
     * way hold their required keys with a fitting value.
     */
    private static JsonNode documentWith(String dottedKey, JsonNode value) {
        ObjectNode root = NODES.objectNode();
        ObjectNode current = root;
        String prefix = "";
        String[] parts = dottedKey.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.endsWith("[]")) {
                String name = part.substring(0, part.length() - 2);
                ArrayNode list = current.putArray(name);
                ObjectNode entry = list.addObject();
                prefix += name + "[].";
                for (JsonNode required : ConfigSchema.resolve(ConfigSchema.keys().get(prefix.substring(0, prefix.length() - 3))
                        .get("items")).path("required")) {
                    entry.put(required.asText(), "ok");
                }
                current = entry;
            } else if (last) {
                current.set(part, value);
            } else {
                current = current.putObject(part);
                prefix += part + ".";
            }
        }
        return root;
    }
}
