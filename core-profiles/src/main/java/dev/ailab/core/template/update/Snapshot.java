package dev.ailab.core.template.update;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A set of files (path to bytes) kept as one zip file under {@code .ai-lab/update/}: deflated,
 * sorted, with a fixed time stamp, so the same files always give the same bytes. One file, not a
 * copied tree: test runners, linters, IDEs and {@code grep -r} never see a second copy of the
 * project's sources.
 */
public final class Snapshot {
    /** 1980-01-01, the earliest time a zip entry holds: no clock in the bytes. */
    private static final long FIXED_TIME = 315532800000L + 12 * 3600 * 1000L;

    private Snapshot() {
    }

    public static byte[] write(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(FIXED_TIME);
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The files of a snapshot, or null when {@code file} does not exist. */
    public static Map<String, byte[]> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static Map<String, byte[]> read(byte[] zipBytes) {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a snapshot: " + e.getMessage(), e);
        }
        return files;
    }
}
