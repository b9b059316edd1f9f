package dev.ailab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a config tree against the published JSON Schema (networknt, draft 2020-12) and turns
 * each error into a plain sentence and a hint: unknown keys get a did-you-mean, enums list their
 * values, type errors say what was expected.
 */
final class SchemaCheck {
    /** One schema error: where (JSON pointer), whether the key rather than the value is meant, what, how to fix. */
    record Violation(String pointer, boolean atKey, String message, String hint, String subject) {
        Violation(String pointer, boolean atKey, String message, String hint) {
            this(pointer, atKey, message, hint, pointer);
        }
    }

    /**
     * Keywords of the schema beside the standard ones, read by the messages and ignored by
     * validation: next to each {@code pattern}, {@code x-means} names what the pattern stands for
     * ("a DNS label") and {@code x-hint} says how to write a value that fits.
     */
    static final List<String> MESSAGE_KEYWORDS = List.of("x-means", "x-hint");

    private static final class Holder {
        static final JsonSchema SCHEMA = compile(ConfigSchema.node());
    }

    /**
     * {@code schema} made ready to validate, by draft 2020-12 plus {@link #MESSAGE_KEYWORDS}. Any
     * other keyword the validator does not know fails here rather than being ignored with a
     * warning on stderr at every run.
     */
    static JsonSchema compile(JsonNode schema) {
        JsonMetaSchema draft = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .keywords(MESSAGE_KEYWORDS.stream().map(NonValidationKeyword::new).toList())
                .unknownKeywordFactory((keyword, context) -> {
                    throw new IllegalStateException("the config schema uses the keyword '" + keyword
                            + "', which is neither draft 2020-12 nor one of " + MESSAGE_KEYWORDS);
                })
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
                .metaSchema(draft)
                .build();
        return factory.getSchema(schema, SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .build());
    }

    private SchemaCheck() {
    }

    /**
     * Every schema error of {@code document}. A key set to null means "unset" (it removes a lower
     * layer's value), so null members of mappings are not checked; null list entries are.
     */
    static List<Violation> check(JsonNode document) {
        JsonNode tree = withoutNullMembers(document);
        Set<ValidationMessage> messages = Holder.SCHEMA.validate(tree);
        List<Violation> out = new ArrayList<>();
        Set<String> typeErrors = new HashSet<>();
        Set<String> emptyErrors = new HashSet<>();
        Set<String> guessedKeys = new HashSet<>();
        for (ValidationMessage m : messages) {
            if ("type".equals(m.getType())) {
                typeErrors.add(pointer(m));
            } else if ("minLength".equals(m.getType()) && tree.at(pointer(m)).asText().isEmpty()) {
                emptyErrors.add(pointer(m));
            } else if ("additionalProperties".equals(m.getType())) {
                String guess = Suggestions.closest(m.getProperty(), propertyNames(ConfigSchema.schemaAt(pointer(m))));
                if (guess != null) {
                    guessedKeys.add(pointer(m) + "/" + guess);
                }
            }
        }
        for (ValidationMessage m : messages) {
            String pointer = pointer(m);
            String type = m.getType();
            if (!"type".equals(type) && typeErrors.contains(pointer)) {
                continue; // a wrong type explains everything else wrong with the same value
            }
            if (!"minLength".equals(type) && emptyErrors.contains(pointer)) {
                continue; // "must not be empty" says it all
            }
            if ("required".equals(type) && guessedKeys.contains(pointer + "/" + m.getProperty())) {
                continue; // the mistyped key's did-you-mean names the missing one
            }
            out.add(describe(m, pointer, tree));
        }
        out.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::message));
        return dedupe(out);
    }

    static JsonNode withoutNullMembers(JsonNode node) {
        if (node.isObject()) {
            var copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNullMembers(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(withoutNullMembers(item)));
            return copy;
        }
        return node;
    }

    private static List<Violation> dedupe(List<Violation> violations) {
        Map<String, Violation> unique = new LinkedHashMap<>();
        for (Violation v : violations) {
            unique.putIfAbsent(v.pointer() + "\n" + v.message(), v);
        }
        return new ArrayList<>(unique.values());
    }

    private static String pointer(ValidationMessage m) {
        String p = m.getInstanceLocation().toString();
        return p.equals("/") ? "" : p;
    }

    private static Violation describe(ValidationMessage m, String pointer, JsonNode tree) {
        JsonNode value = tree.at(pointer);
        JsonNode schema = ConfigSchema.schemaAt(pointer);
        String name = display(pointer);
        switch (m.getType()) {
            case "additionalProperties": {
                String key = m.getProperty();
                String child = pointer + "/" + JsonPointers.escape(key);
                List<String> allowed = propertyNames(schema);
                String where = pointer.isEmpty() ? "" : " in " + name;
                String guess = Suggestions.closest(key, allowed);
                String hint;
                if (guess != null) {
                    hint = "did you mean '" + guess + "'?";
                } else {
                    String elsewhere = ConfigSchema.whereDefined(key);
                    hint = elsewhere != null ? "'" + key + "' belongs " + elsewhere
                            : "allowed keys" + where + ": " + String.join(", ", allowed);
                }
                return new Violation(child, true, "unknown key '" + key + "'" + where, hint);
            }
            case "type": {
                String expected = expectedType(schema);
                return new Violation(pointer, false,
                        name + " must be " + expected + ", found " + JsonKinds.of(value) + shown(value),
                        typeHint(expected, value));
            }
            case "enum": {
                List<String> allowed = new ArrayList<>();
                schema.path("enum").forEach(v -> allowed.add(v.asText()));
                String guess = value.isTextual() ? Suggestions.closest(value.asText(), allowed) : null;
                return new Violation(pointer, false,
                        name + " must be one of " + String.join(", ", allowed) + ", found" + shown(value),
                        (guess != null ? "did you mean '" + guess + "'? " : "") + "allowed values: " + String.join(", ", allowed));
            }
            case "pattern": {
                JsonNode owner = keywordOwner(m);
                String pattern = owner.path("pattern").asText();
                return new Violation(pointer, false, name + " must be "
                        + owner.path("x-means").asText("a value matching " + pattern) + ", found" + shown(value),
                        owner.path("x-hint").asText("the value must match " + pattern) + labelSuggestion(owner, pointer, value));
            }
            case "minimum":
            case "exclusiveMinimum":
                return new Violation(pointer, false, name + " must be at least " + schema.path("minimum").asText()
                        + ", found " + value.asText(), rangeHint(schema));
            case "maximum":
            case "exclusiveMaximum":
                return new Violation(pointer, false, name + " must be at most " + schema.path("maximum").asText()
                        + ", found " + value.asText(), rangeHint(schema));
            case "minLength":
                return new Violation(pointer, false, name + " must not be empty",
                        "write a value, or remove the key to use the default");
            case "maxLength": {
                // A limit stated beside a $ref (a cluster name's 40) fails at the field, whose
                // resolved schema carries the referenced definition's x-hint and x-means.
                JsonNode owner = keywordOwner(m).has("x-hint") ? keywordOwner(m) : schema;
                return new Violation(pointer, false, name + " is too long (" + value.asText().length()
                        + " characters, at most " + schema.path("maxLength").asText() + ")",
                        owner.path("x-hint").asText("shorten the value") + labelSuggestion(owner, pointer, value));
            }
            case "required": {
                String key = m.getProperty();
                // Reported at the mapping, about its missing child (the subject a rule names too).
                return new Violation(pointer, false, (pointer.isEmpty() ? "the config" : name)
                        + " is missing the required key '" + key + "'", "add '" + key + ": ...' to " + name,
                        pointer + "/" + JsonPointers.escape(key));
            }
            case "uniqueItems":
                return new Violation(pointer, false, name + " lists the same value more than once",
                        "remove the repeated entries" + repeated(value));
            default:
                return new Violation(pointer, false, name + ": " + m.getMessage().replaceFirst("^\\S+: ", ""),
                        "see 'ai-lab config schema' for what is allowed here");
        }
    }

    private static boolean isDnsLabel(JsonNode owner) {
        return "a DNS label".equals(owner.path("x-means").asText(null));
    }

    /** "; try 'lab-gpu'": a DNS label made from the value that fits, for the hint of a DNS-label field. */
    private static String labelSuggestion(JsonNode owner, String pointer, JsonNode value) {
        if (!isDnsLabel(owner) || !value.isTextual()) {
            return "";
        }
        // The field's own limit (a cluster name's 40 is stated beside its $ref), else the label's 63.
        int max = ConfigSchema.schemaAt(pointer).path("maxLength").asInt(owner.path("maxLength").asInt(63));
        return "; try '" + Suggestions.dnsLabel(value.asText(), max) + "'";
    }

    /**
     * The schema object holding the keyword that failed (such as {@code $defs/dnsLabel} for its
     * {@code pattern}), where the messages' own keywords sit beside it; missing when unknown.
     */
    static JsonNode keywordOwner(ValidationMessage m) {
        JsonNodePath keyword = m.getSchemaLocation() == null ? null : m.getSchemaLocation().getFragment();
        if (keyword == null || keyword.getNameCount() == 0) {
            return MissingNode.getInstance();
        }
        StringBuilder owner = new StringBuilder();
        for (int i = 0; i < keyword.getNameCount() - 1; i++) {
            owner.append('/').append(JsonPointers.escape(String.valueOf(keyword.getElement(i))));
        }
        return ConfigSchema.node().at(owner.toString());
    }

    private static String repeated(JsonNode array) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new java.util.TreeSet<>();
        array.forEach(v -> {
            if (!seen.add(v.asText())) {
                twice.add(v.asText());
            }
        });
        return twice.isEmpty() ? "" : ": " + String.join(", ", twice);
    }

    private static String rangeHint(JsonNode schema) {
        return "allowed range: " + schema.path("minimum").asText("") + " to " + schema.path("maximum").asText("");
    }

    private static List<String> propertyNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = schema.path("properties").fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static String expectedType(JsonNode schema) {
        switch (schema.path("type").asText("")) {
            case "string": return "a string";
            case "integer": return "an integer";
            case "number": return "a number";
            case "boolean": return "a boolean (true or false)";
            case "array": return "a list";
            case "object": return "a mapping";
            default: return "something else";
        }
    }

    private static String typeHint(String expected, JsonNode value) {
        if (expected.startsWith("a boolean")) {
            String text = value.asText().toLowerCase(java.util.Locale.ROOT);
            if (value.isTextual() && (text.equals("true") || text.equals("false"))) {
                return "remove the quotes: \"" + value.asText() + "\" is a string";
            }
            if (value.isTextual() && List.of("yes", "no", "on", "off", "y", "n").contains(text)) {
                return "write true or false (this config reads YAML 1.2, where " + value.asText() + " is a string)";
            }
            return "write true or false";
        }
        if (expected.equals("an integer")) {
            return "write a whole number without quotes, such as 4";
        }
        if (expected.equals("a string")) {
            return value.isObject() || value.isArray() ? "write a single value on the same line as the key"
                    : "put the value in quotes";
        }
        if (expected.equals("a list")) {
            return "write one '- item' per line under the key, or [a, b]";
        }
        if (expected.equals("a mapping")) {
            return "write the keys of this section indented under it, one 'key: value' per line";
        }
        return "see 'ai-lab config schema'";
    }

    private static String shown(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return "";
        }
        String text = value.asText();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return " '" + text + "'";
    }

    /** {@code /clusters/0/size} becomes {@code clusters[0].size}. */
    static String display(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return "the top level";
        }
        return java.util.Arrays.stream(pointer.substring(1).split("/", -1))
                .map(s -> s.replace("~1", "/").replace("~0", "~"))
                .map(s -> s.chars().allMatch(Character::isDigit) && !s.isEmpty() ? "[" + s + "]" : "." + s)
                .collect(Collectors.joining())
                .substring(1);
    }
}
