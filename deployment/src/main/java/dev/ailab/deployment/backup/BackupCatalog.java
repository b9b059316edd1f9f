package dev.ailab.deployment.backup;

import static dev.ailab.deployment.backup.BackupFormat.PREFIX;
import static dev.ailab.deployment.backup.BackupFormat.SUFFIX;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The backups in the backup folder: listing them newest first, one's summary, the newest's time, pruning the old ones. */
public final class BackupCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(BackupCatalog.class);

    private final Path backupDir;

    public BackupCatalog(Path backupDir) {
        this.backupDir = backupDir.toAbsolutePath().normalize();
    }

    public Path backupDir() {
        return backupDir;
    }

    /** The backups in the backup folder, newest first. */
    public List<BackupSummary> list() {
        List<BackupSummary> result = new ArrayList<>();
        for (Path p : archives()) {
            result.add(summary(p, false));
        }
        return result;
    }

    /** Archive files named like our backups, newest first. */
    public List<Path> archives() {
        List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(backupDir)) {
            return result;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(backupDir, PREFIX + "*" + SUFFIX)) {
            for (Path p : files) {
                if (BackupFormat.NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                    result.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + backupDir + ": " + e.getMessage(), e);
        }
        result.sort(Comparator.comparing((Path p) -> sortKey(p.getFileName().toString())).reversed());
        return result;
    }

    private static String sortKey(String name) {
        // ai-lab-backup-20261122T110400Z-2.tar.gz sorts after ...Z.tar.gz of the same second.
        String core = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        int dash = core.indexOf('-');
        String stamp = dash < 0 ? core : core.substring(0, dash);
        int seq = dash < 0 ? 1 : Integer.parseInt(core.substring(dash + 1));
        return stamp + String.format("%06d", seq);
    }

    /** The manifest summary of one archive: time, contents, size, whether it holds secrets. */
    public BackupSummary info(Path archive) {
        BackupFormat.requireFile(archive);
        return summary(archive, true);
    }

    /** The newest backup's creation time, or null. */
    public Instant lastBackupTime() {
        for (Path p : archives()) {
            BackupSummary s = summary(p, false);
            if (s.createdAt() != null) {
                return Instant.parse(s.createdAt());
            }
        }
        return null;
    }

    /** Deletes all but the {@code keep} newest backups (and their checksum files); returns what was (or would be) deleted. */
    public List<Path> prune(int keep, boolean dryRun) {
        if (keep < 1) {
            throw new InvalidInputException("--keep must be at least 1 (got " + keep + ")", "prune never deletes every backup");
        }
        List<Path> all = archives();
        List<Path> doomed = all.size() > keep ? all.subList(keep, all.size()) : List.of();
        if (!dryRun) {
            for (Path p : doomed) {
                try {
                    Files.deleteIfExists(p);
                    Files.deleteIfExists(BackupFormat.checksumFile(p));
                    LOG.info("pruned backup {}", p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(doomed);
    }

    private BackupSummary summary(Path archive, boolean strict) {
        long size;
        try {
            size = Files.size(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive + ": " + e.getMessage(), e);
        }
        boolean checksum = Files.isRegularFile(BackupFormat.checksumFile(archive));
        BackupManifest m;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw), StandardCharsets.UTF_8.name())) {
            m = BackupFormat.readManifest(tar, archive);
        } catch (InvalidInputException | OperationFailedException e) {
            if (strict) {
                throw e;
            }
            return unreadable(archive, size, checksum, e.getMessage());
        } catch (IOException e) {
            if (strict) {
                throw BackupFormat.corrupt(archive, e);
            }
            return unreadable(archive, size, checksum, "unreadable: " + e.getMessage());
        }
        int files = 0;
        int dirs = 0;
        int links = 0;
        long bytes = 0;
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, long[]> sizes = new TreeMap<>();
        for (BackupManifest.Entry e : m.entries) {
            String top = e.path.contains("/") ? e.path.substring(0, e.path.indexOf('/')) + "/" : e.path;
            counts.computeIfAbsent(top, k -> new int[1]);
            sizes.computeIfAbsent(top, k -> new long[1]);
            switch (e.type) {
                case "file" -> {
                    files++;
                    bytes += e.size;
                    counts.get(top)[0]++;
                    sizes.get(top)[0] += e.size;
                }
                case "dir" -> dirs++;
                default -> links++;
            }
        }
        Map<String, BackupSummary.Part> contents = new LinkedHashMap<>();
        counts.forEach((k, v) -> contents.put(k, new BackupSummary.Part(v[0], sizes.get(k)[0])));
        return new BackupSummary(archive.toString(), archive.getFileName().toString(), size, m.createdAt, m.formatVersion,
                m.includesSecrets, files, dirs, links, bytes, checksum, contents, null);
    }

    private static BackupSummary unreadable(Path archive, long size, boolean checksum, String problem) {
        return new BackupSummary(archive.toString(), archive.getFileName().toString(), size, null, 0, false, 0, 0, 0, 0,
                checksum, Map.of(), problem);
    }
}
