package dev.ailab.sources.archive;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.Sha256;
import dev.ailab.sources.SourceHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The archive source handler: a {@code .tar.gz}, {@code .tar.zst}, {@code .tar} or {@code .zip}
 * on disk, checked against its pinned SHA-256 when one is given, then unpacked safely by
 * {@link SafeExtractor} into the target (staged, then moved into place).
 */
public final class ArchiveSourceHandler implements SourceHandler {
    private final SafeExtractor extractor;

    public ArchiveSourceHandler() {
        this(ArchiveLimits.defaults());
    }

    public ArchiveSourceHandler(ArchiveLimits limits) {
        this.extractor = new SafeExtractor(limits);
    }

    @Override
    public String kind() {
        return "archive";
    }

    @Override
    public boolean supports(String location) {
        return location != null && !location.contains("://") && SafeExtractor.format(location) != null;
    }

    @Override
    public SourceRevision materialize(SourceRequest request, Path target) {
        Path archive = Path.of(request.location());
        if (!Files.isRegularFile(archive)) {
            throw new InvalidInputException("archive " + archive + " not found", "check the path of the archive");
        }
        String digest = Sha256.ofFile(archive);
        if (request.sha256() != null && !request.sha256().equalsIgnoreCase(digest)) {
            throw new OperationFailedException("archive " + archive + " has SHA-256 " + digest + ", expected "
                    + request.sha256().toLowerCase(java.util.Locale.ROOT),
                    "the file is damaged or not the one pinned: copy it again, or update the pinned digest");
        }
        SafeExtractor.Extracted done = extractor.extract(archive, target);
        try {
            return new SourceRevision(digest, done.entries() + " entries, " + done.bytes() + " bytes unpacked",
                    archive.toString(), Files.size(archive), digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
