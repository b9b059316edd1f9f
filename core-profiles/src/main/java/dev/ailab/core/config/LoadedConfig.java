package dev.ailab.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The effective config after every layer was applied, with the origin of each value, and the
 * files read (lowest layer first). Origins map a dotted key ({@code store.url},
 * {@code clusters[0].name}; a list of plain values is one key) to {@code FILE:LINE:COLUMN},
 * {@code env VARIABLE}, {@code command line} or {@code default}.
 */
public record LoadedConfig(ToolkitConfig config, Map<String, String> origins, List<Path> files) {
}
