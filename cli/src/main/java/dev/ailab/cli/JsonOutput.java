package dev.ailab.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.ailab.core.config.ConfigMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Stable JSON on stdout: snake_case keys, indented, one document, newline-terminated. Enum
 * values (and enum map keys) are the lower-case words the text output and the docs use:
 * {@code LIBRARY} is written {@code "library"}, {@code LOOSE_PERMISSIONS}
 * {@code "loose-permissions"}; an enum that names its own values ({@code @JsonValue},
 * {@code @JsonProperty}) keeps them.
 */
public final class JsonOutput {
    private JsonOutput() {
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = ConfigMapper.json().copy()
                .registerModule(new SimpleModule("lower-case-enums").setSerializerModifier(new LowerCaseEnums()));
    }

    /** The mapper {@link #write} uses, for commands that build their document as a tree. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    public static void write(PrintWriter out, Object value) {
        try {
            out.println(Mapper.INSTANCE.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The word an enum constant is written as when it does not name itself: lower case, '-' for '_'. */
    public static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when the enum chooses its JSON values itself, through {@code @JsonValue} or {@code @JsonProperty}. */
    static boolean namesItself(Class<?> type) {
        Class<?> enumType = type.isEnum() ? type : type.getSuperclass(); // constants with bodies are subclasses
        for (Method m : enumType.getMethods()) {
            if (m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) {
                return true;
            }
        }
        for (Object constant : enumType.getEnumConstants()) {
            try {
                if (enumType.getField(((Enum<?>) constant).name()).isAnnotationPresent(JsonProperty.class)) {
                    return true;
                }
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    private static final class LowerCaseEnums extends BeanSerializerModifier {
        @Override
        public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType valueType,
                                                      BeanDescription beanDesc, JsonSerializer<?> serializer) {
            return namesItself(valueType.getRawClass()) ? serializer : new EnumWord();
        }

        @Override
        public JsonSerializer<?> modifyKeySerializer(SerializationConfig config, JavaType valueType,
                                                     BeanDescription beanDesc, JsonSerializer<?> serializer) {
            return valueType.isEnumType() && !namesItself(valueType.getRawClass()) ? new EnumKey() : serializer;
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class EnumWord extends StdSerializer<Enum> {
        EnumWord() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(word(value));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class EnumKey extends StdSerializer<Enum> {
        EnumKey() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeFieldName(word(value));
        }
    }
}
