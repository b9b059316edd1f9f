package dev.ailab.sources.library;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ailab.core.config.ConfigMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** The versions of the library that were applied, oldest first, one JSON line each. */
public final class VersionLog {
    private final Path file;

    public VersionLog(Path file) {
        this.file = file;
    }

    /** One applied version. {@code number} counts from 1. */
    public record Version(int number, String time, String action, String commit, String previous, String summary,
                          int added, int modified, int deleted) {
        public String shortCommit() {
            return commit.substring(0, Math.min(10, commit.length()));
        }
    }

    public List<Version> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Version> versions = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        versions.add(ConfigMapper.json().readValue(line, Version.class));
                    } catch (IOException e) {
                        // a torn last line (power loss while appending) is skipped
                    }
                }
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Version append(String time, String action, String commit, String previous, String summary,
                          int added, int modified, int deleted) {
        List<Version> existing = read();
        int number = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).number() + 1;
        Version v = new Version(number, time, action, commit, previous, summary, added, modified, deleted);
        try {
            Files.createDirectories(file.getParent());
            String line = ConfigMapper.json().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(v) + "\n";
            try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
