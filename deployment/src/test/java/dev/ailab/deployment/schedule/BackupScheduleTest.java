package dev.ailab.deployment.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.testing.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated units pass systemd's own checker, and both forms run exactly the argv they were given. */
class BackupScheduleTest {
    @TempDir
    Path dir;

    private Path recorder() throws Exception {
        Path script = dir.resolve("bin/ai-lab");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done >> \"" + dir.resolve("calls")
                + "\"\necho >> \"" + dir.resolve("calls") + "\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private BackupSchedule schedule(Path launcher, BackupSchedule.Frequency f) {
        return new BackupSchedule("ai-lab-db-backup", "ai-lab hub database backup", List.of(
                List.of(launcher.toString(), "db", "backup", "--encrypt-to", "age1 odd \"quoted\" 100% $HOME"),
                List.of(launcher.toString(), "db", "backup", "--prune", "--keep", "7")), f);
    }

    @Test
    void systemdAnalyzeAcceptsTheUnits() throws Exception {
        Path systemdAnalyze = RequiredTool.onPath("systemd", "systemd-analyze");
        List<Path> units = schedule(recorder(), BackupSchedule.Frequency.WEEKLY).writeUnits(dir.resolve("units"));
        assertThat(units).extracting(p -> p.getFileName().toString()).containsExactly("ai-lab-db-backup.service", "ai-lab-db-backup.timer");
        assertThat(Files.readString(units.get(1))).contains("OnCalendar=weekly").contains("Persistent=true");
        List<String> command = new ArrayList<>(List.of(systemdAnalyze.toString(), "verify"));
        units.forEach(u -> command.add(u.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said).as("systemd-analyze said").doesNotContain("ai-lab-db-backup");
    }

    @Test
    void systemdAnalyzeRejectsAMissingLauncher() throws Exception {
        Path systemdAnalyze = RequiredTool.onPath("systemd", "systemd-analyze");
        List<Path> units = schedule(dir.resolve("nowhere/ai-lab"), BackupSchedule.Frequency.DAILY).writeUnits(dir.resolve("units"));
        Process p = new ProcessBuilder(systemdAnalyze.toString(), "verify", units.get(0).toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("the checker can fail, so its pass above means something").isNotZero();
    }

    @Test
    void theCrontabLineRunsTheSameArgvUnderSh() throws Exception {
        String line = schedule(recorder(), BackupSchedule.Frequency.DAILY).crontabLine();
        assertThat(line).startsWith("17 3 * * * ");
        String shellPart = line.substring("17 3 * * * ".length());
        Process p = new ProcessBuilder("sh", "-c", shellPart).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readAllLines(dir.resolve("calls"))).containsExactly(
                "[db][backup][--encrypt-to][age1 odd \"quoted\" 100% $HOME]",
                "[db][backup][--prune][--keep][7]");
    }

    @Test
    void removeTakesOutBothUnitsAndOnlyThem() throws Exception {
        Path units = dir.resolve("units");
        schedule(recorder(), BackupSchedule.Frequency.DAILY).writeUnits(units);
        Files.writeString(units.resolve("other.timer"), "[Timer]\n");
        assertThat(BackupSchedule.removeUnits(units, "ai-lab-db-backup")).hasSize(2);
        assertThat(units.resolve("other.timer")).exists();
        assertThat(BackupSchedule.removeUnits(units, "ai-lab-db-backup")).isEmpty();
    }

    @Test
    void anUnknownFrequencyIsBadInputWithAHint() {
        assertThatThrownBy(() -> BackupSchedule.Frequency.parse("hourly"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("daily or weekly");
    }
}
