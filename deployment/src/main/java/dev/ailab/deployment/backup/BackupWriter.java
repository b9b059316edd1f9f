package dev.ailab.deployment.backup;

import static dev.ailab.deployment.backup.BackupFormat.BUFFER;
import static dev.ailab.deployment.backup.BackupFormat.MANIFEST_ENTRY;

import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.ArchivePaths;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.Progress;
import dev.ailab.core.io.Sha256;
import dev.ailab.deployment.host.HostLayout;
import dev.ailab.deployment.secrets.Permissions;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a backup of the host's base folder: the manifest first, then every entry, then the
 * {@code .sha256} file. What is left out is the {@link BackupScope}'s to decide, from the host
 * layout: the age identity and the backups folder never go in, whatever the caller asks for.
 */
public final class BackupWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BackupWriter.class);

    private final HostLayout layout;
    private final Path baseDir;
    private final Path backupDir;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final String tool;

    public BackupWriter(HostLayout layout, Consumer<String> warnings, Clock clock, String tool) {
        this.layout = layout;
        this.baseDir = layout.baseDir().toAbsolutePath().normalize();
        this.backupDir = layout.backupDir().toAbsolutePath().normalize();
        this.warnings = warnings;
        this.clock = clock;
        this.tool = tool;
    }

    /** Creates a backup in {@code outputDir} (default the backup folder) and returns its path. */
    public Path create(boolean includeSecrets, Path outputDir) {
        return create(includeSecrets, outputDir, Progress.NONE);
    }

    /**
     * As {@link #create(boolean, Path)}, reporting on {@code progress} the files hashed (first
     * pass) and the bytes archived (second pass).
     */
    public Path create(boolean includeSecrets, Path outputDir, Progress progress) {
        try {
            return write(includeSecrets, outputDir, progress);
        } finally {
            progress.close();
        }
    }

    private Path write(boolean includeSecrets, Path outputDir, Progress progress) {
        if (!Files.isDirectory(baseDir)) {
            throw new OperationFailedException("the deployment folder " + baseDir + " does not exist; there is nothing to back up",
                    "check deployment.base_dir in the config or AI_LAB_DEPLOY_DIR");
        }
        Path out = (outputDir == null ? backupDir : outputDir).toAbsolutePath().normalize();
        BackupScope scope = BackupScope.of(layout, includeSecrets, out);
        if (includeSecrets && scope.secretsOutsideBase()) {
            warnings.accept("the secrets folder " + scope.secretsDir() + " is outside " + baseDir + " and is not included");
        }
        BackupManifest manifest = new BackupManifest();
        manifest.formatVersion = BackupFormat.FORMAT_VERSION;
        manifest.createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        manifest.tool = tool;
        manifest.baseDir = baseDir.toString();
        manifest.includesSecrets = scope.includesSecrets();
        List<Path> sources = new ArrayList<>();
        collect(scope, manifest, sources, progress);
        long totalBytes = manifest.entries.stream().mapToLong(e -> e.size).sum();
        long[] archived = {0};
        Path target = uniqueName(out);
        byte[] manifestBytes;
        try {
            manifestBytes = ConfigMapper.json().writeValueAsBytes(manifest);
            Permissions.ownerOnlyDirectory(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
        }
        MessageDigest archiveDigest = Sha256.digest();
        AtomicFiles.write(target, channel -> {
            OutputStream raw = new DigestOutputStream(new BufferedOutputStream(new FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // AtomicFiles closes the channel after fsync
                }
            }, BUFFER), archiveDigest);
            GzipParameters gzip = new GzipParameters();
            gzip.setBufferSize(BUFFER); // the default 512-byte buffer means many small writes
            GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw, gzip);
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                TarArchiveEntry m = new TarArchiveEntry(MANIFEST_ENTRY);
                m.setMode(0100644);
                m.setSize(manifestBytes.length);
                m.setModTime(clock.millis());
                tar.putArchiveEntry(m);
                tar.write(manifestBytes);
                tar.closeArchiveEntry();
                for (int i = 0; i < manifest.entries.size(); i++) {
                    writeEntry(tar, manifest.entries.get(i), sources.get(i), n -> {
                        archived[0] += n;
                        progress.step(ARCHIVING, archived[0], totalBytes);
                    });
                }
                progress.step(ARCHIVING, totalBytes, totalBytes);
                tar.finish();
            }
        }, AtomicFiles.OWNER_ONLY);
        String hex = Sha256.hex(archiveDigest);
        AtomicFiles.write(BackupFormat.checksumFile(target), (hex + "  " + target.getFileName() + "\n").getBytes(StandardCharsets.US_ASCII),
                AtomicFiles.OWNER_ONLY);
        LOG.info("created backup {} ({} entries, secrets {})", target, manifest.entries.size(), manifest.includesSecrets ? "included" : "not included");
        return target;
    }

    private void collect(BackupScope scope, BackupManifest manifest, List<Path> sources, Progress progress) {
        try {
            Files.walkFileTree(baseDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(baseDir) && scope.skip(dir, attrs)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!dir.equals(baseDir)) {
                        add(dir, attrs);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!scope.skip(file, attrs)) {
                        add(file, attrs);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void add(Path p, BasicFileAttributes attrs) throws IOException {
                    String rel = baseDir.relativize(p).toString().replace('\\', '/');
                    if (rel.equals(MANIFEST_ENTRY)) {
                        warnings.accept("skipped " + p + ": the name is reserved for the backup manifest");
                        return;
                    }
                    String mode = Permissions.posix(p) ? Permissions.mode(p) : (attrs.isDirectory() ? "0755" : "0644");
                    long mtime = attrs.lastModifiedTime().toMillis();
                    if (attrs.isSymbolicLink()) {
                        String target = Files.readSymbolicLink(p).toString();
                        if (ArchivePaths.linkLeaves(rel, target)) {
                            warnings.accept("skipped symbolic link " + p + " -> " + target + ": it points outside " + baseDir);
                            return;
                        }
                        manifest.entries.add(new BackupManifest.Entry(rel, "symlink", "0777", 0, null, target, mtime));
                    } else if (attrs.isDirectory()) {
                        manifest.entries.add(new BackupManifest.Entry(rel + "/", "dir", mode, 0, null, null, mtime));
                    } else if (attrs.isRegularFile()) {
                        progress.step(HASHING, sources.size(), 0);
                        manifest.entries.add(new BackupManifest.Entry(rel, "file", mode, attrs.size(), BackupFormat.hash(p), null, mtime));
                    } else {
                        warnings.accept("skipped " + p + ": not a regular file, folder or symbolic link");
                        return;
                    }
                    sources.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + baseDir + ": " + e.getMessage(), e);
        }
    }

    private static void writeEntry(TarArchiveOutputStream tar, BackupManifest.Entry e, Path source,
            java.util.function.LongConsumer copied) throws IOException {
        int perms = Integer.parseInt(e.mode, 8);
        TarArchiveEntry t;
        switch (e.type) {
            case "dir" -> {
                t = new TarArchiveEntry(e.path);
                t.setMode(040000 | perms);
            }
            case "symlink" -> {
                t = new TarArchiveEntry(e.path, TarConstants.LF_SYMLINK);
                t.setLinkName(e.linkTarget);
                t.setMode(0120777);
            }
            default -> {
                t = new TarArchiveEntry(e.path);
                t.setMode(0100000 | perms);
                t.setSize(e.size);
            }
        }
        t.setModTime(e.mtime);
        tar.putArchiveEntry(t);
        if (e.type.equals("file")) {
            // The hash was taken in the first pass; a change since shows in the size or the
            // modification time (as GNU tar checks), so the content is not hashed twice.
            long n = 0;
            try (InputStream in = Files.newInputStream(source)) {
                byte[] buf = new byte[BUFFER];
                int r;
                while ((r = in.read(buf)) > 0) {
                    if (n + r > e.size) {
                        throw changed(source);
                    }
                    tar.write(buf, 0, r);
                    n += r;
                    copied.accept(r);
                }
            }
            if (n != e.size || Files.getLastModifiedTime(source).toMillis() != e.mtime) {
                throw changed(source);
            }
        }
        tar.closeArchiveEntry();
    }

    /** The progress line's tasks: the first pass (files hashed, total unknown) and the second (bytes archived). */
    private static final String HASHING = "hashing files";
    private static final String ARCHIVING = "archiving";

    private static OperationFailedException changed(Path source) {
        return new OperationFailedException(source + " changed while it was being backed up; no backup was written",
                "stop what writes to it (or the containers) and run 'ai-lab backup create' again");
    }

    private Path uniqueName(Path dir) {
        String stamp = BackupFormat.STAMP.format(clock.instant());
        Path p = dir.resolve(BackupFormat.PREFIX + stamp + BackupFormat.SUFFIX);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(BackupFormat.PREFIX + stamp + "-" + i + BackupFormat.SUFFIX);
        }
        return p;
    }
}
