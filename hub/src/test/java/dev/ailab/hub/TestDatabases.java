package dev.ailab.hub;

import dev.ailab.core.testing.RequiredTool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The databases the store suite runs on: a fresh SQLite file always, and a fresh schema on the
 * PostgreSQL named by AI_LAB_TEST_PG_URL/_USER/_PASSWORD when set. With CI_REQUIRE naming
 * postgres, a missing or unreachable server fails the test instead of skipping it.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static StoreSettings sqlite(Path dir) {
        return StoreSettings.of("jdbc:sqlite:" + dir.resolve("hub.db"));
    }

    /** A new empty schema on the test server; the caller drops it with {@link #dropSchema}. */
    public static StoreSettings postgres() {
        String url = System.getenv("AI_LAB_TEST_PG_URL");
        RequiredTool.available("postgres", url != null && !url.isBlank(), "AI_LAB_TEST_PG_URL is not set");
        String user = System.getenv("AI_LAB_TEST_PG_USER");
        String password = System.getenv("AI_LAB_TEST_PG_PASSWORD");
        String schema = "hub_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            RequiredTool.available("postgres", false, url + " is not reachable: " + e.getMessage());
        }
        String sep = url.contains("?") ? "&" : "?";
        return new StoreSettings(url + sep + "currentSchema=" + schema, user, password);
    }

    public static void dropSchema(StoreSettings settings) {
        int i = settings.url().indexOf("currentSchema=");
        if (i < 0) {
            return;
        }
        String schema = settings.url().substring(i + "currentSchema=".length());
        String base = settings.url().substring(0, i - 1);
        try (Connection c = DriverManager.getConnection(base, settings.user(), settings.password());
             Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
