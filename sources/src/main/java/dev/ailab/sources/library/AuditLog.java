package dev.ailab.sources.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ailab.core.config.ConfigMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every operation as one JSON line in {@code audit.jsonl}; the file rotates to {@code .1} ...
 * {@code .N} when it grows past a limit. Never holds a secret: callers pass the operation's
 * arguments after taking tokens and passphrases out.
 */
public final class AuditLog {
    private final Path file;
    private final long maxBytes;
    private final int keep;

    public AuditLog(Path file, long maxBytes, int keep) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    public static AuditLog standard(Path file) {
        return new AuditLog(file, 1 << 20, 5);
    }

    public Path file() {
        return file;
    }

    /** Appends one entry; a failure to write the log never fails the operation itself. */
    public synchronized void record(String operation, String result, String message, Map<String, Object> details) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", Instant.now().toString());
        entry.put("operation", operation);
        entry.put("result", result);
        entry.put("message", message);
        entry.put("user", System.getProperty("user.name"));
        if (details != null && !details.isEmpty()) {
            entry.put("details", details);
        }
        try {
            String line = ConfigMapper.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(entry) + "\n";
            Files.createDirectories(file.getParent());
            rotateIfNeeded();
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (JsonProcessingException e) {
            // an entry that cannot be written is skipped
        } catch (IOException e) {
            // the audit log is best effort: a read-only state folder must not block the user
        }
    }

    private void rotateIfNeeded() throws IOException {
        if (!Files.exists(file) || Files.size(file) < maxBytes) {
            return;
        }
        Files.deleteIfExists(rotated(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
    }

    Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }
}
