package dev.ailab.deployment.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * What a backup file is: a {@code ai-lab-backup-<time>.tar.gz} whose first entry is the
 * manifest, next to a {@code .sha256} file; and how its manifest is read back and checked.
 */
public final class BackupFormat {
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST_ENTRY = "ai-lab-backup-manifest.json";
    public static final String PREFIX = "ai-lab-backup-";
    public static final String SUFFIX = ".tar.gz";
    static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "\\d{8}T\\d{6}Z(-\\d+)?" + Pattern.quote(SUFFIX));
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final int BUFFER = 128 * 1024;

    private BackupFormat() {
    }

    /** The {@code sha256sum}-format checksum file next to {@code archive}. */
    public static Path checksumFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".sha256");
    }

    static void requireFile(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new InvalidInputException("no backup file at " + archive, "list the backups with 'ai-lab backup list'");
        }
    }

    static OperationFailedException corrupt(Path archive, Exception e) {
        String why = e instanceof java.io.IOException io ? dev.ailab.core.error.IoMessages.describe(io) : e.getMessage();
        return new OperationFailedException(archive + " is truncated or corrupt: " + why,
                "use another backup ('ai-lab backup list'); nothing was changed");
    }

    /** Hex SHA-256 of a file being backed up or compared; links are not followed. */
    static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Sha256.ofStream(in);
        } catch (NoSuchFileException e) {
            throw new OperationFailedException(file + " disappeared while it was being backed up; no backup was written",
                    "run 'ai-lab backup create' again");
        }
    }

    /** Opens the archive and reads just its manifest. */
    static BackupManifest manifestOf(Path archive) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw), StandardCharsets.UTF_8.name())) {
            return readManifest(tar, archive);
        } catch (IOException e) {
            throw corrupt(archive, e);
        }
    }

    /** Reads and checks the first entry; an unknown format version is refused (exit 2). */
    static BackupManifest readManifest(TarArchiveInputStream tar, Path archive) throws IOException {
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
}
