package dev.ailab.generators.bundle;

import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Date;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a bundle: a plain tar (charts and image layers are compressed already, and an
 * uncompressed tar verifies at the speed of the disk), entries in the given order, every header
 * fixed (owner 0, mode 0644 or 0755, one time stamp), so equal content gives equal bytes.
 */
final class BundleTar {
    /** 1980-01-01T00:00:00Z: a fixed time stamp every tool can represent. */
    static final long MTIME_MS = 315_532_800_000L;

    private BundleTar() {
    }

    /** One entry: its name in the bundle and the file (or bytes) it holds. */
    record Entry(String name, Path file, byte[] bytes) {
        long size() throws IOException {
            return bytes != null ? bytes.length : Files.size(file);
        }
    }

    static void write(Path target, List<Entry> entries) {
        write(target, entries, BundleProgress.NONE);
    }

    /**
     * Writes the tar and returns its SHA-256, taken from the bytes on their way to the file (no
     * second read); {@code progress} counts the bytes of the entries.
     */
    static String write(Path target, List<Entry> entries, BundleProgress progress) {
        MessageDigest digest = Sha256.digest();
        long total = 0;
        for (Entry e : entries) {
            try {
                total += e.size();
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
        long all = total;
        AtomicFiles.write(target, channel -> {
            // Not closed here: AtomicFiles forces and closes the channel itself.
            OutputStream out = new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    digest.update(b, off, len);
                    this.out.write(b, off, len);
                }

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            long written = 0;
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new java.io.BufferedOutputStream(out, 1 << 16))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (Entry e : entries) {
                    TarArchiveEntry h = new TarArchiveEntry(e.name());
                    h.setSize(e.size());
                    h.setModTime(new Date(MTIME_MS));
                    h.setUserId(0);
                    h.setGroupId(0);
                    h.setUserName("");
                    h.setGroupName("");
                    h.setMode(e.file() != null && Files.isExecutable(e.file()) || e.name().endsWith(".sh") ? 0100755 : 0100644);
                    tar.putArchiveEntry(h);
                    if (e.bytes() != null) {
                        tar.write(e.bytes());
                    } else {
                        try (InputStream in = Files.newInputStream(e.file())) {
                            in.transferTo(tar);
                        }
                    }
                    tar.closeArchiveEntry();
                    written += h.getSize();
                    progress.count("writing", written, all);
                }
                tar.finish();
                tar.flush();
            }
        }, PosixFilePermissions.fromString("rw-r--r--"));
        return Sha256.hex(digest);
    }
}
