package dev.ailab.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The effective config after every layer was applied, with the origin of each value
 * (dotted key such as {@code store.url} to a description such as a file path or {@code env AI_LAB_DB_URL}).
 */
public record LoadedConfig(ToolkitConfig config, Map<String, String> origins, List<Path> files) {
}
