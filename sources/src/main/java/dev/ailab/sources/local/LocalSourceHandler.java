package dev.ailab.sources.local;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.Sha256;
import dev.ailab.sources.SourceHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The local source handler: a folder or file already on disk. It is checked to exist and is
 * only read, never written: the "target" is the source itself, so {@code materialize} returns
 * where it is and what it holds. A folder's digest is the SHA-256 over its files' relative
 * paths and digests in name order, so an unchanged folder always reports the same digest.
 */
public final class LocalSourceHandler implements SourceHandler {
    @Override
    public String kind() {
        return "local";
    }

    @Override
    public boolean supports(String location) {
        return location != null && !location.contains("://") && Files.exists(Path.of(location));
    }

    @Override
    public SourceRevision materialize(SourceRequest request, Path target) {
        Path source = Path.of(request.location()).toAbsolutePath().normalize();
        if (!Files.exists(source)) {
            throw new InvalidInputException("local source " + source + " not found", "check sources.local_path");
        }
        if (!Files.isReadable(source)) {
            throw new InvalidInputException("local source " + source + " cannot be read", "check its permissions");
        }
        if (Files.isRegularFile(source)) {
            String digest = Sha256.ofFile(source);
            return new SourceRevision(digest, "file", source.toString(), size(source), digest);
        }
        var digest = Sha256.digest();
        long bytes = 0;
        int count = 0;
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = source.relativize(f).toString().replace('\\', '/');
                digest.update((rel + "\0" + Sha256.ofFile(f) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                bytes += size(f);
                count++;
            }
        } catch (IOException e) {
            throw new OperationFailedException("cannot read " + source + ": " + e.getMessage(), "check its permissions");
        }
        String hex = Sha256.hex(digest);
        return new SourceRevision(hex, count + " files", source.toString(), bytes, hex);
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new OperationFailedException("cannot read " + f + ": " + e.getMessage(), "check its permissions");
        }
    }
}
