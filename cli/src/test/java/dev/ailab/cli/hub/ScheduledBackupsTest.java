package dev.ailab.cli.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.cli.CliHarness;
import dev.ailab.core.testing.RequiredTool;
import dev.ailab.hub.DbMaintenance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --schedule} installs units that systemd accepts and that run this installation's launcher; {@code --unschedule} undoes it. */
class ScheduledBackupsTest {
    @TempDir
    Path home;

    @Test
    void dbBackupScheduleWritesUnitsSystemdAcceptsAndUnscheduleRemovesThem() throws Exception {
        CliHarness cli = CliHarness.aiLab(home);
        CliHarness.Result r = cli.run("db", "backup", "--schedule", "daily", "--keep", "3");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path units = home.resolve(".config/systemd/user");
        Path service = units.resolve("ai-lab-db-backup.service");
        String text = Files.readString(service);
        assertThat(text).containsPattern("ExecStart=/\\S+/bin/ai-lab db backup --keep 3\n");
        assertThat(Files.readString(units.resolve("ai-lab-db-backup.timer"))).contains("OnCalendar=daily");
        // No systemd user instance in a test: the crontab line is printed instead of enabling.
        assertThat(r.out()).containsPattern("17 3 \\* \\* \\* /\\S+/bin/ai-lab db backup --keep 3");
        assertThat(Files.list(home).noneMatch(p -> p.toString().endsWith(".db"))).as("scheduling backs nothing up").isTrue();

        Path analyze = RequiredTool.onPath("systemd", "systemd-analyze");
        Process p = new ProcessBuilder(analyze.toString(), "verify", service.toString(), units.resolve("ai-lab-db-backup.timer").toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();

        CliHarness.Result off = cli.run("db", "backup", "--unschedule");
        assertThat(off.exitCode()).as(off.toString()).isZero();
        assertThat(units.resolve("ai-lab-db-backup.timer")).doesNotExist();
        assertThat(service).doesNotExist();
    }

    @Test
    void scheduleAndFileExcludeEachOtherAndAnUnknownFrequencyIsBadInput() {
        CliHarness cli = CliHarness.aiLab(home);
        assertThat(cli.run("db", "backup", "--schedule", "daily", "--file", "x.db.gz").exitCode()).isEqualTo(2);
        CliHarness.Result hourly = cli.run("db", "backup", "--schedule", "hourly");
        assertThat(hourly.exitCode()).isEqualTo(2);
        assertThat(hourly.err()).contains("daily or weekly");
    }

    @Test
    void keepDeletesOnlyOurOlderBackupsAndTheirChecksums() throws Exception {
        Path dir = Files.createDirectories(home.resolve("backups"));
        for (String stamp : new String[] {"20260101-010101", "20260102-010101", "20260103-010101"}) {
            Files.writeString(dir.resolve("ai-lab-" + stamp + ".db.gz"), stamp);
            Files.writeString(dir.resolve("ai-lab-" + stamp + ".db.gz.sha256"), stamp);
        }
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThat(DbMaintenance.prune(dir, 2)).extracting(p -> p.getFileName().toString())
                .containsExactly("ai-lab-20260101-010101.db.gz");
        assertThat(dir.resolve("ai-lab-20260101-010101.db.gz.sha256")).doesNotExist();
        assertThat(dir.resolve("ai-lab-20260103-010101.db.gz")).exists();
        assertThat(dir.resolve("notes.txt")).exists();
    }
}
