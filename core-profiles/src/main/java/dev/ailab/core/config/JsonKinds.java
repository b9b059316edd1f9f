package dev.ailab.core.config;

import com.fasterxml.jackson.databind.JsonNode;

/** What kind of value a node of a config document is, in the words of the messages. */
final class JsonKinds {
    private JsonKinds() {
    }

    /** "a mapping", "a list", "a boolean", "an integer", "a number", "a string" or "null". */
    static String of(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return "a string";
    }
}
