package dev.ailab.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/** Removing a folder and everything under it; links are removed, never followed. */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Removes {@code dir} and its contents, or fails naming the first path that could not go.
     * Folders made read-only (a restored backup keeps modes) are made writable first.
     */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (Path p : deepestFirst(dir)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + p + ": " + e.getMessage(), e);
            }
        }
    }

    /** Bytes of the regular files under {@code dir} (links not followed); 0 when it does not exist. */
    public static long size(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    total += Files.size(p);
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #delete}, but leaves what cannot be removed: for our own temporary folders. */
    public static void deleteQuietly(Path dir) {
        try {
            delete(dir);
        } catch (UncheckedIOException ignored) {
            // a leftover temporary folder is harmless; the next run cleans or ignores it
        }
    }

    private static List<Path> deepestFirst(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                makeWritable(p);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void makeWritable(Path p) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isWritable(p)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        try {
            var perms = EnumSet.copyOf(view.readAttributes().permissions());
            perms.addAll(List.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
            view.setPermissions(perms);
        } catch (IOException ignored) {
            // the delete that follows reports the path if it still cannot go
        }
    }
}
