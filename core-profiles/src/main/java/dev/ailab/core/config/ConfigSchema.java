package dev.ailab.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The published JSON Schema of the one config schema ({@code vectorweight schema}, {@code ai-lab config schema}). */
public final class ConfigSchema {
    public static final String RESOURCE = "/dev/ailab/core/config/toolkit-config.schema.json";

    private ConfigSchema() {
    }

    public static String text() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Parsed {
        static final JsonNode NODE = parse();

        // Read with the streaming parser: an ObjectMapper costs about 0.06 s to start, and this
        // tree is needed on the start-up path of every command that takes a config override.
        private static JsonNode parse() {
            try (JsonParser parser = new JsonFactory().createParser(text())) {
                parser.nextToken();
                return read(parser);
            } catch (IOException e) {
                throw new IllegalStateException("schema resource is not JSON: " + e.getMessage(), e);
            }
        }

        private static JsonNode read(JsonParser parser) throws IOException {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            switch (parser.currentToken()) {
                case START_OBJECT -> {
                    ObjectNode object = nodes.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        object.set(name, read(parser));
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = nodes.arrayNode();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(read(parser));
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return nodes.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return switch (parser.getNumberType()) {
                        case INT -> nodes.numberNode(parser.getIntValue());
                        case LONG -> nodes.numberNode(parser.getLongValue());
                        default -> nodes.numberNode(parser.getBigIntegerValue());
                    };
                }
                case VALUE_NUMBER_FLOAT -> {
                    return nodes.numberNode(parser.getDoubleValue());
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return nodes.booleanNode(parser.getBooleanValue());
                }
                case VALUE_NULL -> {
                    return nodes.nullNode();
                }
                default -> throw new IOException("unexpected " + parser.currentToken() + " at " + parser.currentLocation());
            }
        }
    }

    /** The schema as a tree (shared: do not modify). */
    public static JsonNode node() {
        return Parsed.NODE;
    }

    /**
     * The sub-schema that applies to the value at {@code pointer} of a config document (such as
     * {@code /clusters/0/size}), with local {@code $ref}s followed; a missing node when the
     * schema does not describe that place.
     */
    public static JsonNode schemaAt(String pointer) {
        JsonNode schema = resolve(node());
        if (pointer == null || pointer.isEmpty()) {
            return schema;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (schema.has("items") && segment.chars().allMatch(Character::isDigit)) {
                schema = resolve(schema.get("items"));
            } else if (schema.path("properties").has(segment)) {
                schema = resolve(schema.get("properties").get(segment));
            } else {
                return MissingNode.getInstance();
            }
        }
        return schema;
    }

    /** Follows a local {@code $ref}, keeping the referring schema's own description. */
    static JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 8 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                break;
            }
            JsonNode target = node().at(ref.substring(1));
            if (target.isMissingNode()) {
                break;
            }
            if (current.size() > 1) {
                var merged = target.deepCopy();
                current.properties().forEach(e -> {
                    if (!e.getKey().equals("$ref")) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) merged).set(e.getKey(), e.getValue());
                    }
                });
                current = merged;
            } else {
                current = target;
            }
        }
        return current;
    }

    /**
     * Every key the schema knows, as dotted paths ({@code clusters[].name}), mapped to its
     * resolved sub-schema, in schema order.
     */
    public static Map<String, JsonNode> keys() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect(resolve(node()), "", out);
        return out;
    }

    private static void collect(JsonNode schema, String prefix, Map<String, JsonNode> out) {
        Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode child = resolve(e.getValue());
            String key = prefix + e.getKey();
            out.put(key, child);
            if (child.has("properties")) {
                collect(child, key + ".", out);
            } else if (child.has("items") && resolve(child.get("items")).has("properties")) {
                collect(resolve(child.get("items")), key + "[].", out);
            }
        }
    }

    /** Where a key is defined, for "belongs in ..." hints: null when nowhere or in several places. */
    static String whereDefined(String key) {
        String found = null;
        for (String path : keys().keySet()) {
            String last = path.substring(path.lastIndexOf('.') + 1);
            if (last.equals(key)) {
                if (found != null) {
                    return null;
                }
                found = path;
            }
        }
        if (found == null) {
            return null;
        }
        int dot = found.lastIndexOf('.');
        if (dot < 0) {
            return "at the top level, not indented under another key";
        }
        String parent = found.substring(0, dot);
        return parent.endsWith("[]") ? "in each entry of '" + parent.substring(0, parent.length() - 2) + "'"
                : "under '" + parent + "'";
    }

    /** The allowed values of an enum key such as {@code clusters[].size}; empty when not an enum. */
    public static List<String> allowedValues(String dottedKey) {
        JsonNode schema = keys().getOrDefault(dottedKey, MissingNode.getInstance());
        List<String> values = new java.util.ArrayList<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }
}
