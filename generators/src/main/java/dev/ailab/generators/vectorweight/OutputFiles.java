package dev.ailab.generators.vectorweight;

import dev.ailab.core.yaml.YamlWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The files of the generated repository as the parts write them: path to bytes, sorted by path. */
final class OutputFiles {
    private static final YamlWriter YAML = YamlWriter.manifests();
    private final TreeMap<String, byte[]> files = new TreeMap<>();

    void text(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(String path, byte[] bytes) {
        files.put(path, bytes);
    }

    /** One YAML document made from ordered maps and lists (see {@link Maps#map}). */
    void yaml(String path, Object document) {
        text(path, YAML.write(document));
    }

    SortedMap<String, byte[]> files() {
        return Collections.unmodifiableSortedMap(files);
    }
}
