package dev.ailab.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The mappers for the config model: snake_case keys, unknown keys are errors. Built lazily. */
public final class ConfigMapper {
    private ConfigMapper() {
    }

    private static final class Yaml {
        static final ObjectMapper INSTANCE = configure(YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .build())
                .build());
    }

    private static final class Json {
        static final ObjectMapper INSTANCE = configure(JsonMapper.builder().build());
    }

    public static ObjectMapper yaml() {
        return Yaml.INSTANCE;
    }

    public static ObjectMapper json() {
        return Json.INSTANCE;
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
        return mapper;
    }
}
