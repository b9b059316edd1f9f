package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Packs a project folder into a tar.gz and verifies it: the archive is read back and every
 * file's size and SHA-256 must equal the folder's. Symbolic links are stored as links, never
 * followed. The archive is written atomically (never a half file under the final name).
 */
public final class ProjectArchiver {
    private ProjectArchiver() {
    }

    /** What was packed. */
    public record Packed(String archive, int files, long bytes, String sha256) {
    }

    public static Packed pack(Path folder, Path archive) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException("no such folder: " + root, "run 'ai-lab project sync --all' to find moved projects");
        }
        Path target = archive.toAbsolutePath().normalize();
        if (target.startsWith(root)) {
            throw new InvalidInputException("the archive " + target + " would be inside the folder it packs",
                    "write it somewhere else, for example --file ~/archive/" + root.getFileName() + ".tar.gz");
        }
        Map<String, String> expected = new TreeMap<>();
        String top = root.getFileName().toString();
        AtomicFiles.write(target, channel -> {
            OutputStream raw = Channels.newOutputStream(channel);
            OutputStream keepOpen = new java.io.FilterOutputStream(raw) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(keepOpen))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        TarArchiveEntry e = new TarArchiveEntry(name(dir) + "/");
                        e.setModTime(attrs.lastModifiedTime());
                        e.setMode(040755);
                        tar.putArchiveEntry(e);
                        tar.closeArchiveEntry();
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        String name = name(file);
                        if (attrs.isSymbolicLink()) {
                            TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                            e.setLinkName(Files.readSymbolicLink(file).toString());
                            tar.putArchiveEntry(e);
                            tar.closeArchiveEntry();
                            return FileVisitResult.CONTINUE;
                        }
                        if (!attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        TarArchiveEntry e = new TarArchiveEntry(name);
                        e.setSize(attrs.size());
                        e.setModTime(attrs.lastModifiedTime());
                        e.setMode(executable(file) ? 0100755 : 0100644);
                        tar.putArchiveEntry(e);
                        MessageDigest sha = Sha256.digest();
                        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                            in.transferTo(tar);
                        }
                        tar.closeArchiveEntry();
                        expected.put(name, attrs.size() + ":" + Sha256.hex(sha));
                        return FileVisitResult.CONTINUE;
                    }

                    private String name(Path p) {
                        Path rel = root.relativize(p);
                        return rel.toString().isEmpty() ? top : top + "/" + rel.toString().replace('\\', '/');
                    }
                });
                tar.finish();
            }
        }, null);
        Map<String, String> actual = new TreeMap<>();
        MessageDigest whole = Sha256.digest();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(target)), whole);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile()) {
                    MessageDigest sha = Sha256.digest();
                    long n = new DigestInputStream(tar, sha).transferTo(OutputStream.nullOutputStream());
                    actual.put(e.getName(), n + ":" + Sha256.hex(sha));
                }
            }
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new OperationFailedException("the archive " + target + " cannot be read back: " + e.getMessage(),
                    "check the free space and try again", e);
        }
        if (!actual.equals(expected)) {
            throw new OperationFailedException("the archive " + target + " does not match the folder " + root
                    + " (" + expected.size() + " files expected, " + actual.size() + " read back)",
                    "a file may have changed while packing; try again");
        }
        long bytes;
        try {
            bytes = Files.size(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Packed(target.toString(), expected.size(), bytes, Sha256.hex(whole));
    }

    private static boolean executable(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return p.contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

}
