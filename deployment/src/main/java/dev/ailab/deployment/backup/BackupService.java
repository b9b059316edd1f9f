package dev.ailab.deployment.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.deployment.secrets.Permissions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verified backups of a deployment folder: a tar.gz whose first entry is a manifest with every
 * entry's type, mode, size and SHA-256, next to a {@code .sha256} file (in {@code sha256sum}
 * format) for the archive as a whole. Secrets are included only when asked for, and only as the
 * encrypted files; the age identity and the backups themselves are never included.
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST_ENTRY = "ai-lab-backup-manifest.json";
    public static final String PREFIX = "ai-lab-backup-";
    public static final String SUFFIX = ".tar.gz";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "\\d{8}T\\d{6}Z(-\\d+)?" + Pattern.quote(SUFFIX));
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int BUFFER = 128 * 1024;

    private final Path baseDir;
    private final Path backupDir;
    private final Path secretsDir;
    private final List<Path> excluded;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final String tool;

    /**
     * @param excluded folders or files under {@code baseDir} never backed up (the age identity's folder)
     */
    public BackupService(Path baseDir, Path backupDir, Path secretsDir, List<Path> excluded, Consumer<String> warnings,
                         Clock clock, String tool) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.backupDir = backupDir.toAbsolutePath().normalize();
        this.secretsDir = secretsDir.toAbsolutePath().normalize();
        this.excluded = excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.warnings = warnings;
        this.clock = clock;
        this.tool = tool;
    }

    public Path backupDir() {
        return backupDir;
    }

    // ------------------------------------------------------------------ create

    /** Creates a backup in {@code outputDir} (default the backup folder) and returns its path. */
    public Path create(boolean includeSecrets, Path outputDir) {
        if (!Files.isDirectory(baseDir)) {
            throw new OperationFailedException("the deployment folder " + baseDir + " does not exist; there is nothing to back up",
                    "check deployment.base_dir in the config or AI_LAB_DEPLOY_DIR");
        }
        Path out = (outputDir == null ? backupDir : outputDir).toAbsolutePath().normalize();
        if (includeSecrets && !secretsDir.startsWith(baseDir)) {
            warnings.accept("the secrets folder " + secretsDir + " is outside " + baseDir + " and is not included");
        }
        BackupManifest manifest = new BackupManifest();
        manifest.formatVersion = FORMAT_VERSION;
        manifest.createdAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        manifest.tool = tool;
        manifest.baseDir = baseDir.toString();
        manifest.includesSecrets = includeSecrets && secretsDir.startsWith(baseDir) && Files.isDirectory(secretsDir);
        List<Path> sources = new ArrayList<>();
        collect(includeSecrets, out, manifest, sources);
        Path target = uniqueName(out);
        byte[] manifestBytes;
        try {
            manifestBytes = ConfigMapper.json().writeValueAsBytes(manifest);
            Permissions.ownerOnlyDirectory(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
        }
        MessageDigest archiveDigest = sha256();
        AtomicFiles.write(target, channel -> {
            OutputStream raw = new DigestOutputStream(new BufferedOutputStream(new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // AtomicFiles closes the channel after fsync
                }
            }, BUFFER), archiveDigest);
            org.apache.commons.compress.compressors.gzip.GzipParameters gzip = new org.apache.commons.compress.compressors.gzip.GzipParameters();
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
                    writeEntry(tar, manifest.entries.get(i), sources.get(i));
                }
                tar.finish();
            }
        }, AtomicFiles.OWNER_ONLY);
        String hex = HexFormat.of().formatHex(archiveDigest.digest());
        AtomicFiles.write(checksumFile(target), (hex + "  " + target.getFileName() + "\n").getBytes(StandardCharsets.US_ASCII),
                AtomicFiles.OWNER_ONLY);
        LOG.info("created backup {} ({} entries, secrets {})", target, manifest.entries.size(), manifest.includesSecrets ? "included" : "not included");
        return target;
    }

    private void collect(boolean includeSecrets, Path out, BackupManifest manifest, List<Path> sources) {
        try {
            Files.walkFileTree(baseDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(baseDir) && skip(dir, includeSecrets, out)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!dir.equals(baseDir)) {
                        add(dir, attrs);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!skip(file, includeSecrets, out)) {
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
                        if (pointsOutside(rel, target)) {
                            warnings.accept("skipped symbolic link " + p + " -> " + target + ": it points outside " + baseDir);
                            return;
                        }
                        manifest.entries.add(new BackupManifest.Entry(rel, "symlink", "0777", 0, null, target, mtime));
                    } else if (attrs.isDirectory()) {
                        manifest.entries.add(new BackupManifest.Entry(rel + "/", "dir", mode, 0, null, null, mtime));
                    } else if (attrs.isRegularFile()) {
                        manifest.entries.add(new BackupManifest.Entry(rel, "file", mode, attrs.size(), hash(p), null, mtime));
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

    private boolean skip(Path p, boolean includeSecrets, Path out) {
        Path abs = p.toAbsolutePath().normalize();
        if (abs.startsWith(backupDir) || abs.startsWith(out) || excluded.stream().anyMatch(abs::startsWith)) {
            return true;
        }
        String name = abs.getFileName().toString();
        if (name.startsWith(".restore-") || name.startsWith(".replaced-") || name.contains(".tmp-")) {
            return true; // our own working folders and temporary files
        }
        if (abs.startsWith(secretsDir)) {
            if (!includeSecrets) {
                return true;
            }
            if (abs.equals(secretsDir)) {
                return false;
            }
            // Only the encrypted secrets and the recipients list, never working folders.
            return !(abs.getParent().equals(secretsDir) && (name.endsWith(".age") || name.equals("recipients.txt")));
        }
        return false;
    }

    private void writeEntry(TarArchiveOutputStream tar, BackupManifest.Entry e, Path source) throws IOException {
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
                }
            }
            if (n != e.size || Files.getLastModifiedTime(source).toMillis() != e.mtime) {
                throw changed(source);
            }
        }
        tar.closeArchiveEntry();
    }

    private static OperationFailedException changed(Path source) {
        return new OperationFailedException(source + " changed while it was being backed up; no backup was written",
                "stop what writes to it (or the containers) and run 'ai-lab backup create' again");
    }

    private static boolean pointsOutside(String entryPath, String linkTarget) {
        if (linkTarget.startsWith("/") || linkTarget.isEmpty()) {
            return true;
        }
        Path parent = Path.of(entryPath).getParent();
        Path resolved = (parent == null ? Path.of("") : parent).resolve(linkTarget).normalize();
        return resolved.startsWith("..") || resolved.toString().equals("..");
    }

    private Path uniqueName(Path dir) {
        String stamp = STAMP.format(clock.instant());
        Path p = dir.resolve(PREFIX + stamp + SUFFIX);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(PREFIX + stamp + "-" + i + SUFFIX);
        }
        return p;
    }

    public static Path checksumFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".sha256");
    }

    // ------------------------------------------------------------------ list, info

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
                if (NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
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
        requireFile(archive);
        return summary(archive, true);
    }

    private BackupSummary summary(Path archive, boolean strict) {
        long size;
        try {
            size = Files.size(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive + ": " + e.getMessage(), e);
        }
        boolean checksum = Files.isRegularFile(checksumFile(archive));
        BackupManifest m;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw), StandardCharsets.UTF_8.name())) {
            m = readManifest(tar, archive);
        } catch (InvalidInputException | OperationFailedException e) {
            if (strict) {
                throw e;
            }
            return new BackupSummary(archive.toString(), archive.getFileName().toString(), size, null, 0, false, 0, 0, 0, 0,
                    checksum, Map.of(), e.getMessage());
        } catch (IOException e) {
            if (strict) {
                throw corrupt(archive, e);
            }
            return new BackupSummary(archive.toString(), archive.getFileName().toString(), size, null, 0, false, 0, 0, 0, 0,
                    checksum, Map.of(), "unreadable: " + e.getMessage());
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

    private static void requireFile(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new InvalidInputException("no backup file at " + archive, "list the backups with 'ai-lab backup list'");
        }
    }

    private static OperationFailedException corrupt(Path archive, Exception e) {
        return new OperationFailedException(archive + " is truncated or corrupt: " + e.getMessage(),
                "use another backup ('ai-lab backup list'); nothing was changed");
    }

    /** Reads and checks the first entry; an unknown format version is refused (exit 2). */
    private static BackupManifest readManifest(TarArchiveInputStream tar, Path archive) throws IOException {
        TarArchiveEntry first = tar.getNextEntry();
        if (first == null || !first.getName().equals(MANIFEST_ENTRY)) {
            throw new InvalidInputException(archive + " is not an ai-lab backup: its first entry is not " + MANIFEST_ENTRY,
                    "only archives made by 'ai-lab backup create' can be verified or restored");
        }
        if (first.getSize() > 64L * 1024 * 1024) {
            throw new InvalidInputException(archive + ": the manifest is implausibly large (" + first.getSize() + " bytes)", null);
        }
        byte[] bytes = tar.readNBytes((int) first.getSize());
        ObjectMapper json = ConfigMapper.json();
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (IOException e) {
            throw corrupt(archive, new IOException("the manifest is not valid JSON"));
        }
        JsonNode version = node == null ? null : node.get("format_version");
        if (version == null || !version.canConvertToInt()) {
            throw corrupt(archive, new IOException("the manifest has no format_version"));
        }
        if (version.asInt() != FORMAT_VERSION) {
            throw new InvalidInputException(archive + " has backup format version " + version.asInt()
                    + "; this ai-lab reads version " + FORMAT_VERSION + " only",
                    version.asInt() > FORMAT_VERSION ? "restore it with the newer ai-lab that made it; nothing was changed"
                            : "nothing was changed");
        }
        try {
            return json.treeToValue(node, BackupManifest.class);
        } catch (IOException e) {
            throw corrupt(archive, new IOException("the manifest does not match format version " + FORMAT_VERSION + ": " + e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ verify

    /**
     * Checks the archive against its {@code .sha256} file (when present) and every entry against
     * the manifest: a flipped byte anywhere is found. Unsafe entries (absolute paths, '..', links
     * pointing outside, devices) are problems too.
     */
    public VerifyReport verify(Path archive) {
        return scan(archive, null);
    }

    /** One pass over the archive; when {@code extractTo} is set, safe entries are written there. */
    private VerifyReport scan(Path archive, Path extractTo) {
        requireFile(archive);
        List<String> problems = new ArrayList<>();
        MessageDigest whole = sha256();
        BackupManifest manifest = null;
        int checked = 0;
        // The digest sits under the buffer: the gzip reader marks and resets, which must not hash bytes twice.
        try (InputStream raw = new BufferedInputStream(new DigestInputStream(Files.newInputStream(archive), whole), BUFFER)) {
            GzipCompressorInputStream gz = new GzipCompressorInputStream(raw);
            TarArchiveInputStream tar = new TarArchiveInputStream(gz, StandardCharsets.UTF_8.name());
            manifest = readManifest(tar, archive);
            Map<String, BackupManifest.Entry> expected = new HashMap<>();
            for (BackupManifest.Entry e : manifest.entries) {
                String bad = unsafePath(e.path);
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
                String unsafe = unsafeEntry(t);
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
                    MessageDigest md = sha256();
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
                    } else if (!HexFormat.of().formatHex(md.digest()).equals(e.sha256)) {
                        problems.add(name + ": SHA-256 does not match the manifest (content changed or damaged)");
                    }
                } else if (extractTo != null) {
                    Path p = inside(extractTo, name);
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
        Path sumFile = checksumFile(archive);
        if (Files.isRegularFile(sumFile)) {
            checksumChecked = true;
            String expectedHex = readChecksum(sumFile);
            if (problems.stream().noneMatch(p -> p.startsWith("the archive is truncated"))) {
                String actual = HexFormat.of().formatHex(whole.digest());
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
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String readChecksum(Path sumFile) {
        try {
            String text = Files.readString(sumFile, StandardCharsets.US_ASCII).strip();
            int space = text.indexOf(' ');
            return (space < 0 ? text : text.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sumFile + ": " + e.getMessage(), e);
        }
    }

    /** Why an entry may not be restored, or null when it may. */
    static String unsafeEntry(TarArchiveEntry t) {
        String bad = unsafePath(t.getName());
        if (bad != null) {
            return bad;
        }
        if (t.isCharacterDevice() || t.isBlockDevice()) {
            return "device file";
        }
        if (t.isFIFO()) {
            return "FIFO";
        }
        if (t.isLink()) {
            return "hard link" + (unsafePath(t.getLinkName()) != null || t.getLinkName().startsWith("/") ? " pointing outside" : " (not supported)");
        }
        if (t.isSymbolicLink()) {
            if (pointsOutside(t.getName(), t.getLinkName())) {
                return "symbolic link pointing outside (" + t.getLinkName() + ")";
            }
            return null;
        }
        if (!t.isDirectory() && !t.isFile()) {
            return "unsupported entry type";
        }
        return null;
    }

    static String unsafePath(String name) {
        if (name == null || name.isEmpty()) {
            return "empty path";
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            return "absolute path";
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                return "'..' in path";
            }
        }
        if (name.indexOf('\0') >= 0) {
            return "NUL in path";
        }
        return null;
    }

    private static Path inside(Path root, String name) throws IOException {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new IOException(name + " resolves outside the restore folder");
        }
        // A symbolic link earlier in the archive must not lead the write elsewhere.
        Path parent = p.getParent();
        if (parent != null && Files.exists(parent) && !parent.toRealPath().startsWith(root.toRealPath())) {
            throw new IOException(name + " would be written through a link outside the restore folder");
        }
        return p;
    }

    private static OutputStream openForExtract(Path root, String name) throws IOException {
        Path p = inside(root, name);
        Files.createDirectories(p.getParent());
        if (Permissions.posix(p.getParent())) {
            Files.createFile(p, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY));
        } else {
            Files.createFile(p);
        }
        return new BufferedOutputStream(Files.newOutputStream(p, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), BUFFER);
    }

    // ------------------------------------------------------------------ restore

    /**
     * Verifies the archive, then restores it into {@code target}: everything is first extracted
     * (and checked again) into a staging folder inside {@code target}; only then each top-level
     * name is swapped in, what it replaces moved to {@code target/.replaced-<time>/}. A failure
     * in the swap puts back what was moved. With {@code dryRun} only the plan is returned.
     */
    public RestoreReport restore(Path archive, Path target, boolean dryRun) {
        Path root = (target == null ? baseDir : target).toAbsolutePath().normalize();
        VerifyReport report = verify(archive);
        if (!report.ok()) {
            throw new OperationFailedException(archive + " failed verification (" + report.problems().size() + " problems, first: "
                    + report.problems().get(0) + "); nothing was restored", "run 'ai-lab backup verify " + archive + "' for the full list");
        }
        BackupManifest manifest = manifestOf(archive);
        List<String> created = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        int unchanged = 0;
        for (BackupManifest.Entry e : manifest.entries) {
            Path p = root.resolve(e.path);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                created.add(e.path);
            } else if (e.type.equals("file") && !(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && sameContent(p, e))) {
                replaced.add(e.path);
            } else if (e.type.equals("symlink") && !linkMatches(p, e)) {
                replaced.add(e.path);
            } else {
                unchanged++;
            }
        }
        if (dryRun) {
            return new RestoreReport(archive.toString(), root.toString(), true, created, replaced, unchanged, null);
        }
        String stamp = STAMP.format(clock.instant());
        Path staging = root.resolve(".restore-" + stamp);
        Path aside = root.resolve(".replaced-" + stamp);
        try {
            Files.createDirectories(root);
            Permissions.ownerOnlyDirectory(staging);
            VerifyReport second = scan(archive, staging);
            if (!second.ok()) {
                throw new OperationFailedException(archive + " changed while it was being restored (" + second.problems().get(0)
                        + "); nothing was restored", null);
            }
            applyModes(staging, manifest);
            List<String> tops = topLevelNames(manifest);
            List<String[]> done = new ArrayList<>();
            try {
                for (String top : tops) {
                    Path current = root.resolve(top);
                    boolean existed = Files.exists(current, LinkOption.NOFOLLOW_LINKS);
                    if (existed) {
                        Files.createDirectories(aside);
                        Files.move(current, aside.resolve(top), StandardCopyOption.ATOMIC_MOVE);
                    }
                    done.add(new String[] {top, existed ? "moved" : "new"});
                    Files.move(staging.resolve(top), current, StandardCopyOption.ATOMIC_MOVE);
                    done.get(done.size() - 1)[1] += "+placed";
                }
            } catch (IOException | RuntimeException e) {
                undo(root, staging, aside, done);
                throw new OperationFailedException("restore failed while swapping in " + (done.isEmpty() ? "the first entry" : done.get(done.size() - 1)[0])
                        + ": " + e.getMessage() + "; everything was put back", null, e);
            }
        } catch (IOException e) {
            throw new OperationFailedException("restore failed: " + e.getMessage() + "; nothing was replaced", null, e);
        } finally {
            deleteTree(staging);
        }
        LOG.info("restored {} into {} ({} created, {} replaced)", archive, root, created.size(), replaced.size());
        return new RestoreReport(archive.toString(), root.toString(), false, created, replaced, unchanged,
                Files.exists(aside) ? aside.toString() : null);
    }

    private void undo(Path root, Path staging, Path aside, List<String[]> done) {
        for (int i = done.size() - 1; i >= 0; i--) {
            String top = done.get(i)[0];
            String state = done.get(i)[1];
            try {
                if (state.endsWith("+placed")) {
                    Files.move(root.resolve(top), staging.resolve(top), StandardCopyOption.ATOMIC_MOVE);
                }
                if (state.startsWith("moved")) {
                    Files.move(aside.resolve(top), root.resolve(top), StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                warnings.accept("could not put back " + top + "; the previous version is in " + aside);
            }
        }
        try {
            Files.deleteIfExists(aside);
        } catch (IOException ignored) {
            // not empty: something could not be put back, and the warning says where it is
        }
    }

    private static List<String> topLevelNames(BackupManifest manifest) {
        List<String> tops = new ArrayList<>();
        for (BackupManifest.Entry e : manifest.entries) {
            String p = e.path.endsWith("/") ? e.path.substring(0, e.path.length() - 1) : e.path;
            String top = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
            if (!tops.contains(top)) {
                tops.add(top);
            }
        }
        return tops;
    }

    private static void applyModes(Path staging, BackupManifest manifest) throws IOException {
        if (!Permissions.posix(staging)) {
            return;
        }
        List<BackupManifest.Entry> dirs = new ArrayList<>();
        for (BackupManifest.Entry e : manifest.entries) {
            Path p = staging.resolve(e.path);
            switch (e.type) {
                case "file" -> {
                    Files.setPosixFilePermissions(p, Permissions.fromMode(Integer.parseInt(e.mode, 8)));
                    Files.setLastModifiedTime(p, FileTime.fromMillis(e.mtime));
                }
                case "dir" -> dirs.add(e);
                default -> {
                    // symbolic links keep their own mode
                }
            }
        }
        // Deepest folders first, so a read-only folder does not block its children.
        dirs.sort(Comparator.comparing((BackupManifest.Entry e) -> e.path.length()).reversed());
        for (BackupManifest.Entry e : dirs) {
            Path p = staging.resolve(e.path);
            Files.setPosixFilePermissions(p, Permissions.fromMode(Integer.parseInt(e.mode, 8)));
            Files.setLastModifiedTime(p, FileTime.fromMillis(e.mtime));
        }
    }

    private BackupManifest manifestOf(Path archive) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw), StandardCharsets.UTF_8.name())) {
            return readManifest(tar, archive);
        } catch (IOException e) {
            throw corrupt(archive, e);
        }
    }

    private static boolean sameContent(Path p, BackupManifest.Entry e) {
        try {
            return Files.size(p) == e.size && hash(p).equals(e.sha256);
        } catch (IOException ex) {
            return false;
        }
    }

    private static boolean linkMatches(Path p, BackupManifest.Entry e) {
        try {
            return Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().equals(e.linkTarget);
        } catch (IOException ex) {
            return false;
        }
    }

    // ------------------------------------------------------------------ prune

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
                    Files.deleteIfExists(checksumFile(p));
                    LOG.info("pruned backup {}", p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(doomed);
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

    // ------------------------------------------------------------------ helpers

    static String hash(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[BUFFER];
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
        } catch (NoSuchFileException e) {
            throw new OperationFailedException(file + " disappeared while it was being backed up; no backup was written",
                    "run 'ai-lab backup create' again");
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            // Folders restored read-only must become writable before their children can go.
            walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                try {
                    Permissions.ownerOnly(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
