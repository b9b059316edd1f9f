package dev.ailab.generators.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The images a chart needs: every {@code image} of a container, init container or ephemeral
 * container in its rendered objects, and the images its own values name (an {@code image:}
 * string, a map with {@code repository} and {@code tag}, with {@code registry} when given, or
 * the GPU operator's {@code repository}, {@code image} and {@code version}).
 */
final class ImageScan {
    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final java.util.regex.Pattern DOCUMENT_START = java.util.regex.Pattern.compile("(?m)^---[ \\t]*$");

    private ImageScan() {
    }

    /**
     * Only the documents that contain the word {@code image} are parsed: a document without it
     * cannot name one, and parsing the rest (large ConfigMaps, CRDs) was most of the scan.
     */
    static void fromRendered(String manifests, Set<String> into) throws IOException {
        for (String document : DOCUMENT_START.split(manifests)) {
            if (!document.contains("image")) {
                continue;
            }
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(document)) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc != null) {
                        walkObjects(doc, into);
                    }
                }
            }
        }
    }

    private static void walkObjects(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (CONTAINER_LISTS.contains(f.getKey()) && f.getValue().isArray()) {
                    for (JsonNode c : f.getValue()) {
                        String image = c.path("image").asText("");
                        if (!image.isBlank()) {
                            into.add(image.trim());
                        }
                    }
                } else {
                    walkObjects(f.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> walkObjects(n, into));
        }
    }

    static void fromValues(byte[] valuesYaml, Set<String> into) throws IOException {
        JsonNode root = YAML.readTree(valuesYaml);
        if (root != null) {
            walkValues(root, into);
        }
    }

    private static void walkValues(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            String repository = text(node.get("repository"));
            String tag = text(node.get("tag"));
            String image = text(node.get("image"));
            String version = text(node.get("version"));
            if (!repository.isEmpty() && !tag.isEmpty()) {
                String registry = text(node.get("registry"));
                into.add((registry.isEmpty() ? "" : registry + "/") + repository + ":" + tag);
            } else if (!repository.isEmpty() && !image.isEmpty() && !version.isEmpty() && !looksLikeImage(image)
                    && !node.has("nvidiaDriverCRD")) {
                // The GPU operator's operands: repository + image + version. Its driver is left out:
                // the operator appends the node's OS to that tag, so the image is known only per node.
                into.add(repository + "/" + image + ":" + version);
            }
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("image") && f.getValue().isTextual() && looksLikeImage(f.getValue().asText())) {
                    into.add(f.getValue().asText().trim());
                } else {
                    walkValues(f.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> walkValues(n, into));
        }
    }

    private static String text(JsonNode n) {
        return n != null && (n.isTextual() || n.isNumber()) ? n.asText().trim() : "";
    }

    private static boolean looksLikeImage(String s) {
        return s.matches("[a-z0-9][a-z0-9._/:@-]*[:@][A-Za-z0-9._:-]+") && !s.contains("://");
    }
}
