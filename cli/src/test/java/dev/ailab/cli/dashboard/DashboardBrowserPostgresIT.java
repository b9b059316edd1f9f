package dev.ailab.cli.dashboard;

import dev.ailab.core.testing.RequiredTool;
import dev.ailab.hub.StoreSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/** The browser checks once more on PostgreSQL (AI_LAB_TEST_PG_URL), in a schema of their own: live through LISTEN/NOTIFY. */
class DashboardBrowserPostgresIT extends DashboardBrowserIT {
    private String url;
    private String schema;

    @Override
    StoreSettings storeSettings() throws Exception {
        url = System.getenv("AI_LAB_TEST_PG_URL");
        RequiredTool.available("postgres", url != null && !url.isBlank(), "AI_LAB_TEST_PG_URL is not set");
        schema = "dash_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            RequiredTool.available("postgres", false, url + " is not reachable: " + e.getMessage());
        }
        return new StoreSettings(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user(), password());
    }

    @Override
    String label() {
        return "postgresql";
    }

    @Override
    void dropStore() throws Exception {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(url, user(), password()); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static String user() {
        return System.getenv("AI_LAB_TEST_PG_USER");
    }

    private static String password() {
        return System.getenv("AI_LAB_TEST_PG_PASSWORD");
    }
}
