package dev.ailab.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks every extraction makes before it writes an entry (backups, bundles, archive
 * sources): no absolute path, no '..', no link that leaves the target, nothing written
 * through a link laid down by an earlier entry.
 */
public final class ArchivePaths {
    private ArchivePaths() {
    }

    /** Why an entry name may not be extracted, or null when it may. */
    public static String unsafeName(String name) {
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

    /** Whether a symbolic link at {@code entryPath} with {@code linkTarget} points outside the archive's root. */
    public static boolean linkLeaves(String entryPath, String linkTarget) {
        if (linkTarget == null || linkTarget.isEmpty() || linkTarget.startsWith("/") || linkTarget.startsWith("\\")) {
            return true;
        }
        Path parent = Path.of(entryPath).getParent();
        Path resolved = (parent == null ? Path.of("") : parent).resolve(linkTarget).normalize();
        return resolved.startsWith("..");
    }

    /**
     * Where {@code name} lands under {@code root}; fails when it resolves outside, or when a link
     * already under {@code root} would carry the write elsewhere.
     */
    public static Path resolveInside(Path root, String name) throws IOException {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new IOException(name + " resolves outside " + root);
        }
        Path parent = p.getParent();
        if (parent != null && Files.exists(parent) && !parent.toRealPath().startsWith(root.toRealPath())) {
            throw new IOException(name + " would be written through a link outside " + root);
        }
        return p;
    }
}
