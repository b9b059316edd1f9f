package dev.ailab.sources.archive;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.IoMessages;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.ArchivePaths;
import dev.ailab.core.io.FileTrees;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Unpacks a {@code .tar}, {@code .tar.gz}/{@code .tgz}, {@code .tar.zst} or {@code .zip} into a
 * folder without trusting it: entries with absolute paths or {@code ..}, links that leave the
 * target, files written through a link, hard links outward, devices and FIFOs are refused, and
 * {@link ArchiveLimits} stop bombs. Everything is unpacked into a staging folder beside the
 * target and moved into place only when the whole archive was fine, so a refused archive leaves
 * the target as it was.
 */
public final class SafeExtractor {
    private final ArchiveLimits limits;

    public SafeExtractor(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** What one extraction wrote. */
    public record Extracted(int entries, long bytes) {
    }

    /** The archive formats by file name; null when the name says none of them. */
    public static String format(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
            return "tar.gz";
        }
        if (n.endsWith(".tar.zst") || n.endsWith(".tzst")) {
            return "tar.zst";
        }
        if (n.endsWith(".tar") || n.endsWith(".bundle")) {
            return "tar";
        }
        if (n.endsWith(".zip")) {
            return "zip";
        }
        return null;
    }

    public Extracted extract(Path archive, Path target) {
        return extract(archive, target, format(archive.getFileName().toString()));
    }

    /** As {@link #extract(Path, Path)} with the format given ({@code tar}, {@code tar.gz}, {@code tar.zst}, {@code zip}). */
    public Extracted extract(Path archive, Path target, String format) {
        if (format == null) {
            throw new InvalidInputException(archive + " is not an archive this tool reads",
                    "give a .tar.gz, .tar.zst, .tar or .zip file");
        }
        Path parent = target.toAbsolutePath().normalize().getParent();
        Path staging = parent.resolve("." + target.getFileName() + ".staging-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            long packed = Files.size(archive);
            // Headers first, writing nothing: a bomb of empty entries or a bad name late in the
            // archive is refused before the first file exists. Then the same walk writes.
            Run run = null;
            for (boolean write : new boolean[] {false, true}) {
                run = new Run(archive, staging.toRealPath(), packed, write);
                if (format.equals("zip")) {
                    run.zip();
                } else {
                    run.tar(format);
                }
            }
            moveIntoPlace(staging, target);
            return new Extracted(run.entries, run.total);
        } catch (IOException e) {
            throw new OperationFailedException("cannot unpack " + archive + ": " + IoMessages.describe(e), IoMessages.hint(e));
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, old);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target);
            }
            throw e;
        }
        if (old != null) {
            FileTrees.deleteQuietly(old);
        }
    }

    /** One extraction's counters and the links it has seen. */
    private final class Run {
        private final Path archive;
        private final Path root;
        private final long packed;
        private final Set<String> links = new HashSet<>();
        private final Map<String, Path> files = new HashMap<>();
        private int entries;
        private long total;
        private CountingStream counted;
        /** Packed size of the zip entry being written (zip entries are compressed one by one). */
        private long entryPacked;

        private final boolean writing;

        Run(Path archive, Path root, long packed, boolean writing) {
            this.writing = writing;
            this.archive = archive;
            this.root = root;
            this.packed = Math.max(packed, 1);
        }

        void tar(String format) throws IOException {
            try (CountingStream in = new CountingStream(new BufferedInputStream(Files.newInputStream(archive)))) {
                counted = in;
                InputStream unpacked = switch (format) {
                    case "tar.gz" -> new java.util.zip.GZIPInputStream(in, 1 << 16);
                    case "tar.zst" -> new ZstdCompressorInputStream(in);
                    default -> in;
                };
                try (TarArchiveInputStream tar = new TarArchiveInputStream(unpacked)) {
                    TarArchiveEntry e;
                    while ((e = tar.getNextEntry()) != null) {
                        String name = e.getName();
                        count(name);
                        String bad = ArchivePaths.unsafeName(name);
                        if (bad != null) {
                            refuse(name, bad);
                        }
                        throughLink(name);
                        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                            refuse(name, "a device or FIFO");
                        }
                        if (e.isSymbolicLink()) {
                            symlink(name, e.getLinkName());
                        } else if (e.isLink()) {
                            hardLink(name, e.getLinkName());
                        } else if (e.isDirectory()) {
                            mkdirs(name);
                        } else if (e.isFile()) {
                            declared(name, e.getSize());
                            write(name, tar);
                        } else {
                            refuse(name, "an entry of a kind this tool does not unpack");
                        }
                    }
                }
            }
        }

        void zip() throws IOException {
            try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
                var all = zip.getEntriesInPhysicalOrder();
                while (all.hasMoreElements()) {
                    ZipArchiveEntry e = all.nextElement();
                    String name = e.getName();
                    count(name);
                    String bad = ArchivePaths.unsafeName(name);
                    if (bad != null) {
                        refuse(name, bad);
                    }
                    throughLink(name);
                    if (e.isUnixSymlink()) {
                        symlink(name, zip.getUnixSymlink(e));
                    } else if (e.isDirectory()) {
                        mkdirs(name);
                    } else {
                        declared(name, e.getSize());
                        try (InputStream data = zip.getInputStream(e)) {
                            counted = null;
                            entryPacked = Math.max(e.getCompressedSize(), 1);
                            write(name, data);
                        }
                    }
                }
            }
        }

        private void mkdirs(String name) throws IOException {
            Path at = ArchivePaths.resolveInside(root, name);
            if (writing) {
                Files.createDirectories(at);
            }
        }

        private void count(String name) {
            if (++entries > limits.maxEntries()) {
                throw new InvalidInputException(archive + " has more than " + limits.maxEntries() + " entries (stopped at '"
                        + name + "')", "an archive bomb is refused; raise the entry limit only for an archive you trust");
            }
        }

        private void throughLink(String name) {
            String prefix = name;
            int slash;
            while ((slash = prefix.lastIndexOf('/')) > 0) {
                prefix = prefix.substring(0, slash);
                if (links.contains(prefix)) {
                    refuse(name, "written through the link '" + prefix + "' laid down earlier in the archive");
                }
            }
        }

        private void symlink(String name, String to) throws IOException {
            if (ArchivePaths.linkLeaves(name, to)) {
                refuse(name, "a symbolic link to '" + to + "', outside the target");
            }
            Path at = ArchivePaths.resolveInside(root, name);
            if (writing) {
                Files.createDirectories(at.getParent());
                Files.createSymbolicLink(at, Path.of(to));
            }
            links.add(stripSlash(name));
        }

        private void hardLink(String name, String to) throws IOException {
            Path earlier = files.get(stripSlash(to));
            if (ArchivePaths.unsafeName(to) != null || earlier == null) {
                refuse(name, "a hard link to '" + to + "', which is not a file earlier in the archive");
            }
            Path at = ArchivePaths.resolveInside(root, name);
            if (writing) {
                Files.createDirectories(at.getParent());
                Files.copy(earlier, at);
            }
            files.put(stripSlash(name), at);
        }

        /** A size the header states is checked before any byte is written. */
        private void declared(String name, long size) {
            if (size > limits.maxTotalBytes() - total) {
                refuse(name, size + " bytes, over the limit of " + limits.maxTotalBytes() + " bytes in all");
            }
            if (size > ArchiveLimits.RATIO_FLOOR && size / packed > limits.maxRatio()) {
                refuse(name, size + " bytes from an archive of " + packed + " bytes (more than " + limits.maxRatio()
                        + " times its size)");
            }
        }

        private void write(String name, InputStream data) throws IOException {
            Path at = ArchivePaths.resolveInside(root, name);
            if (!writing) {
                files.put(stripSlash(name), at);
                return;
            }
            Files.createDirectories(at.getParent());
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(at)) {
                int n;
                while ((n = data.read(buffer)) > 0) {
                    total += n;
                    // Sizes in headers can lie (zip): the bytes actually written are held to the same limits.
                    if (total > limits.maxTotalBytes()) {
                        refuse(name, "more than " + limits.maxTotalBytes() + " bytes in all");
                    }
                    long read = counted == null ? entryPacked : Math.max(counted.count, 1);
                    if (total > ArchiveLimits.RATIO_FLOOR && total / read > limits.maxRatio()) {
                        refuse(name, "more than " + limits.maxRatio() + " times the bytes read from the archive");
                    }
                    out.write(buffer, 0, n);
                }
            }
            files.put(stripSlash(name), at);
        }

        private void refuse(String name, String why) {
            throw new InvalidInputException(archive + ": entry '" + name + "' is refused: " + why,
                    "nothing was unpacked; get the archive again from a source you trust");
        }
    }

    private static String stripSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    /** Counts the packed bytes read, for the compression ratio. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
