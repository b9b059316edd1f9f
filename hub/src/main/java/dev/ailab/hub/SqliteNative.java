package dev.ailab.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * sqlite-jdbc copies its native library out of the jar into the temp folder on every start
 * (a 1 MB write and a fresh {@code dlopen} of a new file: 0.3-0.9 s measured on the shared
 * 2-core machine, against about 0.1 s for loading a kept copy). This keeps one copy per
 * driver build in the user's cache folder and points the driver at it. Any problem (read-only
 * cache, unknown platform) silently leaves the driver's own behaviour in place.
 */
public final class SqliteNative {
    private SqliteNative() {
    }

    /** Call before the first SQLite connection of the process. */
    public static synchronized void useCacheDir(Path cacheHome) {
        if (System.getProperty("org.sqlite.lib.path") != null || Boolean.getBoolean("ai-lab.sqlite.no-native-cache")) {
            return;
        }
        try {
            String name = System.mapLibraryName("sqlitejdbc");
            if (name.endsWith(".dylib")) {
                name = name.replace(".dylib", ".jnilib");
            }
            // Keyed by the driver jar and the platform, so a kept copy is found without asking
            // the driver's OSInfo, which starts `uname -o` (a process) on every Linux run.
            String driverJar = String.valueOf(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation());
            String key = Integer.toHexString((driverJar + "|" + System.getProperty("os.name") + "|"
                    + System.getProperty("os.arch")).hashCode());
            Path dir = cacheHome.resolve("ai-lab/native/sqlite-" + key);
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
                URL url = org.sqlite.JDBC.class.getResource("/org/sqlite/native/" + folder + "/" + name);
                if (url == null) {
                    return;
                }
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, ".lib", ".tmp");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp, lib, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException | LinkageError e) {
            // keep the driver's default: extract to the temp folder
        }
    }
}
