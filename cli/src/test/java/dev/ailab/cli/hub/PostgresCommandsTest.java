package dev.ailab.cli.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import dev.ailab.core.testing.RequiredTool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against a real PostgreSQL (AI_LAB_TEST_PG_URL/_USER/_PASSWORD), through
 * AI_LAB_DB_URL and the password variable, in a schema of its own. Skipped without a server
 * unless CI_REQUIRE names postgres.
 */
class PostgresCommandsTest {
    @TempDir
    Path home;

    @Test
    void workSessionIdeaAndProjectCommandsRunOnPostgres() throws Exception {
        String url = System.getenv("AI_LAB_TEST_PG_URL");
        RequiredTool.available("postgres", url != null && !url.isBlank(), "AI_LAB_TEST_PG_URL is not set");
        String user = System.getenv("AI_LAB_TEST_PG_USER");
        String password = System.getenv("AI_LAB_TEST_PG_PASSWORD");
        String schema = "cli_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            RequiredTool.available("postgres", false, url + " is not reachable: " + e.getMessage());
        }
        try {
            CliHarness cli = CliHarness.aiLab(home)
                    .env("AI_LAB_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema)
                    .env("AI_LAB_DB_USER", user).env("AI_LAB_DB_PASSWORD", password);
            ObjectMapper json = new ObjectMapper();
            assertThat(cli.run("work", "add", "on postgres", "-p", "team", "-l", "pg").out()).isEqualTo("1\n");
            assertThat(cli.run("work", "update", "1", "-P", "urgent").exitCode()).isZero();
            assertThat(cli.run("idea", "add", "an idea").exitCode()).isZero();
            assertThat(cli.run("idea", "promote", "1").out()).isEqualTo("2\n");
            String session = cli.run("session", "start", "--agent", "grok", "--work", "1").out().trim();
            assertThat(cli.run("session", "log", session, "hello").exitCode()).isZero();
            assertThat(cli.run("session", "end", session, "--cost", "0.1").exitCode()).isZero();
            var items = json.readTree(cli.run("work", "list", "-o", "json").out());
            assertThat(items).hasSize(2);
            assertThat(items.get(0).get("priority").asText()).isEqualTo("urgent");
            assertThat(cli.run("work", "show", "1").out()).contains("sessions:  #" + session);
            assertThat(json.readTree(cli.run("project", "list", "-o", "json").out()).get(0).get("open_items").asLong()).isEqualTo(1);
            CliHarness.Result info = cli.run("db", "info");
            assertThat(info.out()).contains("version " + dev.ailab.hub.Migrations.latest()).contains("work_item");
            assertThat(cli.run("db", "backup").err()).contains("pg_dump");
            assertThat(cli.run("work", "show", "99").exitCode()).isEqualTo(2);
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
