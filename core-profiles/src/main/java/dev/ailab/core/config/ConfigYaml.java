package dev.ailab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ailab.core.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes a config tree as block-style YAML that reads back to the same tree, optionally with the
 * origin of every value as an aligned end-of-line comment ({@code config show --origin}).
 * Credentials embedded in URLs are masked.
 */
public final class ConfigYaml {
    /** Lists of scalars inline, every other list two spaces under its key. */
    private static final YamlWriter WRITER = YamlWriter.indented().withFlowScalarLists();
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");
    private static final Pattern URL_USERINFO = Pattern.compile("(://[^/:@\\s]+:)[^@/\\s]+@");

    private ConfigYaml() {
    }

    /** The model as a tree of its set values (snake_case keys, nulls left out). */
    public static ObjectNode tree(ToolkitConfig config) {
        return ConfigMapper.json().valueToTree(config);
    }

    /** YAML text of {@code tree}. */
    public static String write(JsonNode tree) {
        return write(tree, key -> null);
    }

    /**
     * YAML text of {@code tree}; {@code originOf} maps a dotted key ({@code store.url},
     * {@code clusters[0].name}) to the comment written after its value, or null for none.
     */
    public static String write(JsonNode tree, Function<String, String> originOf) {
        return WRITER.write(plainValue(tree), originOf);
    }

    /** The tree as maps, lists, text, numbers, booleans and nulls, in the tree's key order. */
    private static Object plainValue(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plainValue(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(plainValue(item)));
            return list;
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.asText();
    }

    private static boolean hasContainers(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode() && item.size() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value at a dotted key ({@code store.url}, {@code clusters[0].name}, {@code github}), or
     * a missing node when it is not set.
     *
     * @throws ConfigException when the schema has no such key (with a did-you-mean)
     */
    public static JsonNode at(JsonNode tree, String dottedKey) {
        String pointer = ConfigLoader.pointerOf(dottedKey);
        if (dottedKey.isBlank() || ConfigSchema.schemaAt(pointer).isMissingNode()) {
            String general = dottedKey.replaceAll("\\[\\d+]", "[]");
            String guess = Suggestions.closest(general, ConfigSchema.keys().keySet());
            throw new ConfigException(java.util.List.of(new ConfigProblem(null, 0, 0,
                    "unknown config key '" + dottedKey + "'",
                    guess != null ? "did you mean '" + guess + "'?" : "see 'ai-lab config schema' for the keys")));
        }
        return tree.at(pointer);
    }

    /** A value for a script: a string or number as it is, anything else as YAML. */
    public static String plain(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText() + "\n";
        }
        if (value.isArray() && !hasContainers(value)) {
            StringBuilder out = new StringBuilder();
            value.forEach(v -> out.append(v.asText()).append('\n'));
            return out.toString();
        }
        return write(value);
    }

    /** A copy of {@code tree} with passwords inside URLs masked. */
    public static JsonNode redacted(JsonNode tree) {
        if (tree.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            tree.properties().forEach(e -> copy.set(e.getKey(), redacted(e.getValue())));
            return copy;
        }
        if (tree.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            tree.forEach(item -> copy.add(redacted(item)));
            return copy;
        }
        if (tree.isTextual()) {
            String masked = redact(tree.asText());
            return masked.equals(tree.asText()) ? tree : JsonNodeFactory.instance.textNode(masked);
        }
        return tree;
    }

    /** Masks {@code password=...} parameters and {@code user:secret@} in a URL. */
    public static String redact(String text) {
        String out = URL_PASSWORD.matcher(text).replaceAll("$1***");
        return URL_USERINFO.matcher(out).replaceAll("$1***@");
    }
}
