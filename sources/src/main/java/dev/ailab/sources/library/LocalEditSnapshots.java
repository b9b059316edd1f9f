package dev.ailab.sources.library;

import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of the local edits in {@code library/}, taken before an update or rollback moves it, so
 * that a failed or interrupted run can put them back byte for byte. One numbered folder each
 * under {@code .ai-config/snapshots/}: {@code files/} holds the edited files, {@code deleted.txt}
 * the tracked files that were deleted locally.
 */
final class LocalEditSnapshots {
    private final LibraryHome home;

    LocalEditSnapshots(LibraryHome home) {
        this.home = home;
    }

    Path folder(String number) {
        return home.snapshots().resolve(number);
    }

    /** Copies every locally edited file of library/ (and notes deleted ones) so a rollback can put them back. */
    Path save(int number, Collection<String> local) {
        Path dir = folder(Integer.toString(number));
        try {
            FileTrees.deleteQuietly(dir);
            Files.createDirectories(dir.resolve("files"));
            List<String> missing = new ArrayList<>();
            for (String p : local) {
                Path src = home.library().resolve(p);
                if (Files.isRegularFile(src)) {
                    Path dst = dir.resolve("files").resolve(p);
                    Files.createDirectories(dst.getParent());
                    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                } else if (Files.isDirectory(src)) {
                    try (Stream<Path> walk = Files.walk(src)) {
                        for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                            Path dst = dir.resolve("files").resolve(LibraryIndex.relative(home.library(), f));
                            Files.createDirectories(dst.getParent());
                            Files.copy(f, dst, StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    }
                } else {
                    missing.add(p);
                }
            }
            AtomicFiles.writeString(dir.resolve("deleted.txt"), String.join("\n", missing));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save local edits before the update (nothing was changed): "
                    + e.getMessage(), e);
        }
    }

    /** Writes the snapshot's files back into library/ and deletes what was deleted; returns how many. */
    int restore(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        int[] count = {0};
        try {
            Path files = dir.resolve("files");
            try (Stream<Path> walk = Files.walk(files)) {
                for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    Path target = home.library().resolve(LibraryIndex.relative(files, f));
                    AtomicFiles.write(target, Files.readAllBytes(f));
                    count[0]++;
                }
            }
            Path deleted = dir.resolve("deleted.txt");
            if (Files.exists(deleted)) {
                for (String p : Files.readAllLines(deleted)) {
                    if (!p.isBlank()) {
                        Files.deleteIfExists(home.library().resolve(p));
                        count[0]++;
                    }
                }
            }
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a snapshot once it is no longer needed; a leftover is harmless. */
    void discard(Path dir) {
        FileTrees.deleteQuietly(dir);
    }
}
