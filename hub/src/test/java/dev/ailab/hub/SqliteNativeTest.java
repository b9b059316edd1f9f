package dev.ailab.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native library is copied once into the cache folder and the driver is pointed at it. */
class SqliteNativeTest {
    @TempDir
    Path cache;

    @Test
    void copiesTheLibraryOnceAndSetsTheDriverProperties() throws Exception {
        String oldPath = System.getProperty("org.sqlite.lib.path");
        String oldName = System.getProperty("org.sqlite.lib.name");
        System.clearProperty("org.sqlite.lib.path");
        System.clearProperty("org.sqlite.lib.name");
        try {
            SqliteNative.useCacheDir(cache);
            String dir = System.getProperty("org.sqlite.lib.path");
            String name = System.getProperty("org.sqlite.lib.name");
            assertThat(dir).startsWith(cache.resolve("ai-lab/native").toString());
            Path lib = Path.of(dir, name);
            assertThat(lib).isRegularFile();
            assertThat(Files.size(lib)).isGreaterThan(100_000);
            long modified = Files.getLastModifiedTime(lib).toMillis();
            System.clearProperty("org.sqlite.lib.path");
            SqliteNative.useCacheDir(cache);
            assertThat(Files.getLastModifiedTime(lib).toMillis()).isEqualTo(modified);
            try (Stream<Path> files = Files.list(lib.getParent())) {
                assertThat(files).hasSize(1); // no temporary file left behind
            }
        } finally {
            restore("org.sqlite.lib.path", oldPath);
            restore("org.sqlite.lib.name", oldName);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
