package dev.ailab.hub;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on a fresh SQLite file per test. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    protected StoreSettings settings() {
        return TestDatabases.sqlite(dir);
    }
}
