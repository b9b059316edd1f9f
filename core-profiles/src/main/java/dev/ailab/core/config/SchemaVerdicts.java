package dev.ailab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Remembers which config documents passed the schema, as empty files named by a fingerprint of
 * the schema and the document, so an unchanged config is not checked again: loading the schema
 * validator costs about 0.15 s of a command's start-up, and most runs see the same config as the
 * run before. Only passes are remembered; a document with problems is checked (and reported)
 * every time. Any trouble with the cache folder just means checking.
 */
final class SchemaVerdicts {
    /** Past this many remembered documents, those unused for a month are forgotten. */
    private static final int PRUNE_ABOVE = 256;

    private final Path dir;

    /** {@code dir} null: no cache, every document is checked. */
    SchemaVerdicts(Path dir) {
        this.dir = dir;
    }

    List<SchemaCheck.Violation> check(JsonNode document) {
        if (dir == null) {
            return SchemaCheck.check(document);
        }
        Path marker = dir.resolve(key(document));
        if (Files.isRegularFile(marker)) {
            return List.of();
        }
        List<SchemaCheck.Violation> violations = SchemaCheck.check(document);
        if (violations.isEmpty()) {
            remember(marker);
        }
        return violations;
    }

    private void remember(Path marker) {
        try {
            Files.createDirectories(dir);
            Files.write(marker, new byte[0]);
            prune();
        } catch (IOException | RuntimeException e) {
            // a read-only or full cache folder only costs the check next time
        }
    }

    private void prune() throws IOException {
        int count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path ignored : entries) {
                count++;
            }
        }
        if (count <= PRUNE_ABOVE) {
            return;
        }
        FileTime cutoff = FileTime.from(Instant.now().minus(Duration.ofDays(30)));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.getLastModifiedTime(entry).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    /**
     * A fingerprint of the schema (its length and hash code) and of the document (64-bit FNV-1a
     * and CRC-32C of its canonical text). Not a cryptographic hash on purpose: the cache only
     * guards against accidental sameness, and starting the JDK's message digests costs 0.02 s.
     */
    static String key(JsonNode document) {
        StringBuilder text = new StringBuilder(256);
        canonical(document, text);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        long fnv = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            fnv = (fnv ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hex(SchemaText.VALUE.length(), 8) + hex(SchemaText.VALUE.hashCode() & 0xffffffffL, 8)
                + hex(fnv, 16) + hex(crc.getValue(), 8);
    }

    private static String hex(long value, int digits) {
        String text = Long.toHexString(value);
        return "0".repeat(Math.max(0, digits - text.length())) + text;
    }

    /** A type-tagged text of the tree: two documents share it only if the schema sees them alike. */
    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                quoted(e.getKey(), out);
                out.append(':');
                canonical(e.getValue(), out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (JsonNode item : node) {
                canonical(item, out);
                out.append(',');
            }
            out.append(']');
        } else if (node.isTextual()) {
            quoted(node.asText(), out);
        } else {
            out.append(node.getNodeType()).append(' ').append(node.asText());
        }
    }

    private static void quoted(String text, StringBuilder out) {
        out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }

    private static final class SchemaText {
        static final String VALUE = ConfigSchema.text();
    }
}
