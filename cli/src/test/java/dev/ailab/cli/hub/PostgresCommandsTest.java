package dev.ailab.cli.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import dev.ailab.hub.StoreSettings;
import dev.ailab.hub.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against a real PostgreSQL (the hub's {@link TestDatabases}: AI_LAB_TEST_PG_URL,
 * _USER, _PASSWORD), through AI_LAB_DB_URL and the password variable, in a schema of its own.
 * Skipped without a server unless CI_REQUIRE names postgres.
 */
class PostgresCommandsTest {
    @TempDir
    Path home;

    @Test
    void workSessionIdeaAndProjectCommandsRunOnPostgres() throws Exception {
        StoreSettings pg = TestDatabases.postgres();
        try {
            CliHarness cli = CliHarness.aiLab(home).env("AI_LAB_DB_URL", pg.url())
                    .env("AI_LAB_DB_USER", pg.user()).env("AI_LAB_DB_PASSWORD", pg.password());
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
            assertThat(cli.run("work", "add", "coverage to 100%").exitCode()).isZero();
            assertThat(cli.run("work", "add", "coverage to 1000").exitCode()).isZero();
            assertThat(json.readTree(cli.run("work", "list", "--search", "100%", "-o", "json").out()))
                    .extracting(n -> n.get("title").asText()).containsExactly("coverage to 100%");
            assertThat(cli.run("work", "show", "1").out()).contains("sessions:  #" + session);
            assertThat(json.readTree(cli.run("project", "list", "-o", "json").out()).get(0).get("open_items").asLong()).isEqualTo(1);
            CliHarness.Result info = cli.run("db", "info");
            assertThat(info.out()).contains("version " + dev.ailab.hub.Migrations.latest()).contains("work_item");
            assertThat(cli.run("db", "backup").err()).contains("pg_dump");
            assertThat(cli.run("work", "show", "99").exitCode()).isEqualTo(2);
        } finally {
            TestDatabases.dropSchema(pg);
        }
    }
}
