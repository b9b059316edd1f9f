package dev.ailab.generators.bundle;

import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The images found by rendering a chart, remembered by what decides them: the package's
 * SHA-256 and the SHA-256 of every values file it was rendered with (and the format of this
 * file). Rendering is most of {@code bundle create}; an unchanged chart with unchanged values
 * names the same images, so a second bundle skips Helm. One small text file per key under the
 * cache folder; deleting the folder only costs the next run its renders. A file that cannot be
 * read or written is a miss, never an error.
 */
final class RenderCache {
    /** Part of every key: a change in how images are found must not reuse old answers. */
    private static final String FORMAT = "render-images-1";

    private final Path dir;

    /** {@code dir} null: no cache. */
    RenderCache(Path dir) {
        this.dir = dir;
    }

    static String key(String chartSha256, List<byte[]> values) {
        StringBuilder k = new StringBuilder(FORMAT).append('\n').append(chartSha256).append('\n');
        values.forEach(v -> k.append(Sha256.of(v)).append('\n'));
        return Sha256.of(k.toString().getBytes(StandardCharsets.US_ASCII));
    }

    Optional<Set<String>> get(String key) {
        if (dir == null) {
            return Optional.empty();
        }
        Path f = dir.resolve(key + ".txt");
        try {
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            // The last line closes the file, so a file cut short is not taken for a shorter list.
            if (lines.isEmpty() || !lines.get(lines.size() - 1).equals("end")) {
                return Optional.empty();
            }
            return Optional.of(new TreeSet<>(lines.subList(0, lines.size() - 1)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void put(String key, Set<String> images) {
        if (dir == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        images.forEach(i -> text.append(i).append('\n'));
        text.append("end\n");
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve(key + ".txt"), text.toString());
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written is only slower next time.
        }
    }
}
