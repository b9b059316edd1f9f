package dev.ailab.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
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
    private static final Pattern PLAIN = Pattern.compile("^[A-Za-z0-9_./~+$-][A-Za-z0-9 _./~@:+$=,-]*$");
    private static final Pattern SPECIAL = Pattern.compile(
            "^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"
                    + "|[-+]?[0-9_.]+(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
                    + "|[0-9]{4}-[0-9]{2}-[0-9]{2}.*)$");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");
    private static final Pattern URL_USERINFO = Pattern.compile("(://[^/:@\\s]+:)[^@/\\s]+@");
    private static final int MAX_COMMENT_COLUMN = 56;

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
        List<String[]> lines = new ArrayList<>();
        if (tree instanceof ObjectNode object && object.size() > 0) {
            mapping(object, "", "", "", lines, originOf);
        } else {
            lines.add(new String[] {"{}", null});
        }
        int width = 0;
        for (String[] line : lines) {
            if (line[1] != null && line[0].length() <= MAX_COMMENT_COLUMN) {
                width = Math.max(width, line[0].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            out.append(line[0]);
            if (line[1] != null) {
                out.append(" ".repeat(Math.max(1, width - line[0].length() + 2))).append("# ").append(line[1]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes the entries of {@code object}; the first line starts with {@code firstPrefix} instead of {@code indent}. */
    private static void mapping(ObjectNode object, String indent, String firstPrefix, String path,
                                List<String[]> lines, Function<String, String> originOf) {
        boolean first = true;
        Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String lead = first ? firstPrefix : indent;
            first = false;
            String key = scalarText(e.getKey());
            String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode value = e.getValue();
            if (value.isObject() && value.size() > 0) {
                lines.add(new String[] {lead + key + ":", null});
                mapping((ObjectNode) value, indent + "  ", indent + "  ", childPath, lines, originOf);
            } else if (value.isArray() && value.size() > 0 && hasContainers(value)) {
                lines.add(new String[] {lead + key + ":", null});
                sequence((ArrayNode) value, indent + "  ", childPath, lines, originOf);
            } else {
                lines.add(new String[] {lead + key + ": " + inline(value), originOf.apply(childPath)});
            }
        }
    }

    private static void sequence(ArrayNode array, String indent, String path, List<String[]> lines,
                                 Function<String, String> originOf) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String itemPath = path + "[" + i + "]";
            if (item.isObject() && item.size() > 0) {
                mapping((ObjectNode) item, indent + "  ", indent + "- ", itemPath, lines, originOf);
            } else if (item.isArray() && item.size() > 0 && hasContainers(item)) {
                lines.add(new String[] {indent + "-", null});
                sequence((ArrayNode) item, indent + "  ", itemPath, lines, originOf);
            } else {
                lines.add(new String[] {indent + "- " + inline(item), originOf.apply(itemPath)});
            }
        }
    }

    private static boolean hasContainers(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode() && item.size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** A scalar, an empty container, or a flow list of scalars. */
    private static String inline(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.isTextual() && v.asText().matches(".*[,\\[\\]{}].*")
                    ? quoted(v.asText()) : inline(v)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            return "{}";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return scalarText(value.asText());
        }
        return value.asText();
    }

    private static String scalarText(String text) {
        if (!text.isEmpty() && PLAIN.matcher(text).matches() && !SPECIAL.matcher(text).matches()
                && !text.endsWith(" ") && !text.contains(" #") && !text.contains(": ") && !text.endsWith(":")
                && !text.startsWith("- ")) {
            return text;
        }
        return quoted(text);
    }

    private static String quoted(String text) {
        try {
            return ConfigMapper.json().writeValueAsString(text); // a JSON string is a valid YAML double-quoted scalar
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
