package dev.ailab.deployment.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** POSIX permission helpers; on a file system without POSIX permissions every check passes. */
public final class Permissions {
    public static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private Permissions() {
    }

    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** "0600"-style mode, or "" where the file system has none. */
    public static String mode(Path path) throws IOException {
        if (!posix(path)) {
            return "";
        }
        return octal(Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    public static String octal(Set<PosixFilePermission> perms) {
        int mode = toMode(perms);
        return String.format("%04o", mode);
    }

    public static int toMode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    public static Set<PosixFilePermission> fromMode(int mode) {
        Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                perms.add(p);
            }
        }
        return perms;
    }

    /** True when group or others may do anything with the file. */
    public static boolean loose(Path path) throws IOException {
        if (!posix(path)) {
            return false;
        }
        return (toMode(Files.getPosixFilePermissions(path)) & 0077) != 0;
    }

    public static void ownerOnly(Path path) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIR : dev.ailab.core.io.AtomicFiles.OWNER_ONLY);
        }
    }

    /** Creates the folder (and parents) and makes the last one owner-only. */
    public static void ownerOnlyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir);
    }
}
