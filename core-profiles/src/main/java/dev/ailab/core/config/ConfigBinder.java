package dev.ailab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds a config tree onto the model's public fields: snake_case keys, enums by their lower-case
 * names, lists, nested sections and free-form maps. It replaces Jackson's data binding on the
 * start-up path of every command, where building Jackson's deserializers cost about 0.05 s. The
 * schema has already checked the tree; anything it let through that does not fit the model is a
 * {@link IllegalArgumentException} naming the JSON pointer, unless binding leniently.
 */
final class ConfigBinder {
    /** Leniently: a value that does not fit is left unset (the schema has reported it already). */
    private final boolean lenient;

    private ConfigBinder(boolean lenient) {
        this.lenient = lenient;
    }

    static <T> T bind(JsonNode tree, Class<T> type) {
        return type.cast(new ConfigBinder(false).value(tree, type, ""));
    }

    /** Binds what fits and leaves the rest unset, so rules can still run on a file with schema problems. */
    static <T> T bindLeniently(JsonNode tree, Class<T> type) {
        Object bound = new ConfigBinder(true).value(tree, type, "");
        return bound == null ? newInstance(type) : type.cast(bound);
    }

    private Object value(JsonNode node, Type type, String pointer) {
        try {
            return strictValue(node, type, pointer);
        } catch (IllegalArgumentException e) {
            if (lenient) {
                return null;
            }
            throw e;
        }
    }

    private Object strictValue(JsonNode node, Type type, String pointer) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            require(node.isTextual(), pointer, "a string");
            return node.asText();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            require(node.isBoolean(), pointer, "true or false");
            return node.asBoolean();
        }
        if (raw == Integer.class || raw == int.class) {
            require(node.canConvertToInt() && node.isIntegralNumber(), pointer, "a whole number");
            return node.asInt();
        }
        if (raw.isEnum()) {
            require(node.isTextual(), pointer, "one of the allowed words");
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().toLowerCase(Locale.ROOT).equals(node.asText())) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(where(pointer) + "'" + node.asText() + "' is not an allowed value");
        }
        if (raw == List.class) {
            require(node.isArray(), pointer, "a list");
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(value(node.get(i), element, pointer + "/" + i));
            }
            return list;
        }
        if (raw == Map.class || raw == Object.class) {
            return plain(node);
        }
        require(node.isObject(), pointer, "a mapping");
        return object(node, raw, pointer);
    }

    private Object object(JsonNode node, Class<?> type, String pointer) {
        Object target = newInstance(type);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            Field field = field(type, entry.getKey());
            if (field == null) {
                if (lenient) {
                    continue;
                }
                throw new IllegalArgumentException(where(pointer + "/" + entry.getKey()) + "unknown key");
            }
            Object value = value(entry.getValue(), field.getGenericType(), pointer + "/" + entry.getKey());
            if (value != null) {
                try {
                    field.set(target, value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return target;
    }

    private static <T> T newInstance(Class<T> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("config model class without a public no-argument constructor: " + type, e);
        }
    }

    private static Field field(Class<?> type, String key) {
        String name = camelCase(key);
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            // a key that is a Java keyword (github.private) is bound by its @JsonProperty name
            com.fasterxml.jackson.annotation.JsonProperty named = f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            if (named != null && !named.value().isEmpty() ? named.value().equals(key) : f.getName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** A tree as plain Java values, for free-form sections such as {@code answers}. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.asInt() : (Object) node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isNull() ? null : node.asText();
    }

    static String camelCase(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /**
     * The model's type at {@code pointer} (such as {@code /deployment/agents} or
     * {@code /clusters/0/size}) below {@code root}; {@code Object.class} where the model has no
     * such place or holds free-form values.
     */
    static Type typeAt(Class<?> root, String pointer) {
        Type type = root;
        if (pointer == null || pointer.isEmpty()) {
            return type;
        }
        for (String part : pointer.substring(1).split("/")) {
            Class<?> raw = raw(type);
            if (raw == List.class) {
                type = ((ParameterizedType) type).getActualTypeArguments()[0];
                continue;
            }
            Field field = raw == Map.class || raw == Object.class ? null : field(raw, part);
            if (field == null) {
                return Object.class;
            }
            type = field.getGenericType();
        }
        return type;
    }

    static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static void require(boolean ok, String pointer, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(where(pointer) + "expected " + expected);
        }
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "" : SchemaCheck.display(pointer) + ": ";
    }
}
