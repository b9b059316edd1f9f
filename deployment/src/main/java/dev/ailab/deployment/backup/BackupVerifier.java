package dev.ailab.deployment.backup;

import static dev.ailab.deployment.backup.BackupFormat.BUFFER;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.ArchivePaths;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.Sha256;
import dev.ailab.deployment.secrets.Permissions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Checks a backup against its {@code .sha256} file (when present) and every entry against the
 * manifest: a flipped byte anywhere is found. Unsafe entries (absolute paths, '..', links
 * pointing outside, devices) are problems too. The same pass can extract the safe entries,
 * which is how a restore stages what it will swap in.
 */
public final class BackupVerifier {
    private final Consumer<String> warnings;

    public BackupVerifier(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** Reports every problem of {@code archive}; an archive that is not ours, or of another format version, is an error. */
    public VerifyReport verify(Path archive) {
        return scan(archive, null);
    }

    /** As {@link #verify}, writing the safe entries under {@code into} as they are checked. */
    VerifyReport extract(Path archive, Path into) {
        return scan(archive, into);
    }

    /** One pass over the archive; when {@code extractTo} is set, safe entries are written there. */
    private VerifyReport scan(Path archive, Path extractTo) {
        BackupFormat.requireFile(archive);
        List<String> problems = new ArrayList<>();
        MessageDigest whole = Sha256.digest();
        BackupManifest manifest = null;
        int checked = 0;
        // The digest sits under the buffer: the gzip reader marks and resets, which must not hash bytes twice.
        try (InputStream raw = new BufferedInputStream(new DigestInputStream(Files.newInputStream(archive), whole), BUFFER)) {
            GzipCompressorInputStream gz = new GzipCompressorInputStream(raw);
            TarArchiveInputStream tar = new TarArchiveInputStream(gz, StandardCharsets.UTF_8.name());
            manifest = BackupFormat.readManifest(tar, archive);
            Map<String, BackupManifest.Entry> expected = new HashMap<>();
            for (BackupManifest.Entry e : manifest.entries) {
                String bad = ArchivePaths.unsafeName(e.path);
                if (bad != null) {
                    problems.add(e.path + ": manifest names an unsafe path (" + bad + ")");
                }
                expected.put(e.path, e);
            }
            Set<String> seen = new HashSet<>();
            TarArchiveEntry t;
            byte[] buf = new byte[BUFFER];
            while ((t = tar.getNextEntry()) != null) {
                checked++;
                String name = t.getName();
                String unsafe = TarEntryCheck.unsafe(t);
                if (unsafe != null) {
                    problems.add(name + ": refused, " + unsafe);
                    continue;
                }
                if (!seen.add(name)) {
                    problems.add(name + ": appears twice in the archive");
                    continue;
                }
                BackupManifest.Entry e = expected.get(name);
                if (e == null) {
                    problems.add(name + ": in the archive but not in the manifest");
                    continue;
                }
                String type = t.isDirectory() ? "dir" : t.isSymbolicLink() ? "symlink" : "file";
                if (!type.equals(e.type)) {
                    problems.add(name + ": is a " + type + " but the manifest says " + e.type);
                    continue;
                }
                if (!type.equals("symlink") && (t.getMode() & 07777) != Integer.parseInt(e.mode, 8)) {
                    problems.add(name + ": mode " + String.format("%04o", t.getMode() & 07777) + " but the manifest says " + e.mode);
                }
                if (type.equals("symlink") && !t.getLinkName().equals(e.linkTarget)) {
                    problems.add(name + ": link target differs from the manifest");
                }
                if (type.equals("file")) {
                    MessageDigest md = Sha256.digest();
                    long n = 0;
                    OutputStream sink = extractTo == null ? null : openForExtract(extractTo, name);
                    try {
                        int r;
                        while ((r = tar.read(buf)) > 0) {
                            md.update(buf, 0, r);
                            if (sink != null) {
                                sink.write(buf, 0, r);
                            }
                            n += r;
                        }
                    } finally {
                        if (sink != null) {
                            sink.close();
                        }
                    }
                    if (n != e.size) {
                        problems.add(name + ": " + n + " bytes but the manifest says " + e.size);
                    } else if (!Sha256.hex(md).equals(e.sha256)) {
                        problems.add(name + ": SHA-256 does not match the manifest (content changed or damaged)");
                    }
                } else if (extractTo != null) {
                    Path p = ArchivePaths.resolveInside(extractTo, name);
                    if (type.equals("dir")) {
                        Files.createDirectories(p);
                    } else {
                        Files.createDirectories(p.getParent());
                        Files.createSymbolicLink(p, Path.of(t.getLinkName()));
                    }
                }
            }
            for (BackupManifest.Entry e : manifest.entries) {
                if (!seen.contains(e.path)) {
                    problems.add(e.path + ": in the manifest but missing from the archive");
                }
            }
            // Read the gzip stream to its end so its CRC and length are checked, then the raw rest.
            while (gz.read(buf) >= 0) {
                // drain: the tar end blocks and padding are covered by the gzip CRC
            }
            long trailing = 0;
            int r;
            while ((r = raw.read(buf)) >= 0) {
                trailing += r;
            }
            if (trailing > 0) {
                problems.add("the archive has " + trailing + " bytes of trailing data after the compressed stream");
            }
        } catch (InvalidInputException | OperationFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            problems.add("the archive is truncated or corrupt: " + describe(e));
        }
        boolean checksumChecked = false;
        Path sumFile = BackupFormat.checksumFile(archive);
        if (Files.isRegularFile(sumFile)) {
            checksumChecked = true;
            String expectedHex = readChecksum(sumFile);
            if (problems.stream().noneMatch(p -> p.startsWith("the archive is truncated"))) {
                String actual = Sha256.hex(whole);
                if (!actual.equals(expectedHex)) {
                    problems.add("the archive's SHA-256 does not match " + sumFile.getFileName());
                }
            } else {
                problems.add("the archive's SHA-256 cannot match " + sumFile.getFileName() + " (archive unreadable)");
            }
        } else if (extractTo == null) {
            warnings.accept("no checksum file " + sumFile.getFileName() + "; the entries were checked against the manifest only");
        }
        return new VerifyReport(archive.toString(), manifest == null ? 0 : manifest.formatVersion,
                manifest == null ? null : manifest.createdAt, checked, checksumChecked, problems);
    }

    private static String describe(Exception e) {
        String m = dev.ailab.core.error.IoMessages.describe(e);
        return m == null || m.isBlank() ? "unreadable data" : m;
    }

    private static String readChecksum(Path sumFile) {
        try {
            String text = Files.readString(sumFile, StandardCharsets.US_ASCII).strip();
            int space = text.indexOf(' ');
            return (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sumFile + ": " + e.getMessage(), e);
        }
    }

    /** A new owner-only file for the entry; {@link ArchivePaths#resolveInside} keeps it under {@code root}. */
    private static OutputStream openForExtract(Path root, String name) throws IOException {
        Path p = ArchivePaths.resolveInside(root, name);
        Files.createDirectories(p.getParent());
        if (Permissions.posix(p.getParent())) {
            Files.createFile(p, PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY));
        } else {
            Files.createFile(p);
        }
        return new BufferedOutputStream(Files.newOutputStream(p, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), BUFFER);
    }
}
