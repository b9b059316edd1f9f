package dev.ailab.cli;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.deployment.schedule.BackupSchedule;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --schedule daily|weekly}, {@code --unschedule} and {@code --keep N} for the commands
 * that make backups: instead of backing up now, install (or remove) a systemd user timer that
 * runs the same command with {@code --keep N}, or print the crontab line where systemd is absent.
 */
public class ScheduleOptions {
    @Option(names = "--schedule", paramLabel = "daily|weekly",
            description = "Do not back up now: install a systemd user timer that backs up daily or weekly"
                    + " (or print the crontab line where systemd does not run).")
    public String schedule;

    @Option(names = "--unschedule", description = "Remove the timer that --schedule installed.")
    public boolean unschedule;

    @Option(names = "--keep", paramLabel = "N", description = "After the backup, delete all but the N newest.")
    public Integer keep;

    /** Refuses a --keep below 1 before anything is backed up (prune would come only after the work). */
    public void checkKeep() {
        if (keep != null && keep < 1) {
            throw new InvalidInputException("--keep must be at least 1, got '" + keep + "'", "keep at least the newest backup, for example --keep 7");
        }
    }

    public boolean scheduling() {
        return schedule != null || unschedule;
    }

    /**
     * Installs or removes the timer for {@code front args... --keep N}. The launcher is the one
     * this run came from, so the timer runs the same installation.
     */
    public void apply(RunContext context, PrintWriter out, PrintWriter err, String unitName, String title,
                      String front, List<String> args) {
        if (schedule != null && unschedule) {
            throw new InvalidInputException("--schedule and --unschedule exclude each other", "use one of them");
        }
        Path unitDir = context.xdg().configHome().resolve("systemd/user");
        if (unschedule) {
            List<Path> removed = BackupSchedule.removeUnits(unitDir, unitName);
            BackupSchedule.systemctl(context.env(), "disable", "--now", unitName + ".timer");
            BackupSchedule.systemctl(context.env(), "daemon-reload");
            out.println(removed.isEmpty() ? "no schedule was installed (" + unitDir.resolve(unitName + ".timer") + ")"
                    : "removed " + String.join(", ", removed.stream().map(Path::toString).toList()));
            out.flush();
            return;
        }
        BackupSchedule.Frequency frequency = BackupSchedule.Frequency.parse(schedule);
        List<String> argv = new ArrayList<>();
        argv.add(launcher(context, front).toString());
        argv.addAll(args);
        argv.addAll(List.of("--keep", String.valueOf(keep == null ? 7 : keep)));
        BackupSchedule s = new BackupSchedule(unitName, title, List.of(argv), frequency);
        List<Path> written = s.writeUnits(unitDir);
        boolean enabled = BackupSchedule.systemctl(context.env(), "daemon-reload")
                && BackupSchedule.systemctl(context.env(), "enable", "--now", unitName + ".timer");
        written.forEach(p -> out.println("wrote " + p));
        if (enabled) {
            out.println("enabled " + unitName + ".timer (" + frequency.word() + "); see: systemctl --user list-timers");
        } else {
            err.println("note: no systemd user instance answered, so the timer is written but not enabled;"
                    + " enable it later with 'systemctl --user enable --now " + unitName + ".timer', or use cron:");
            out.println(s.crontabLine());
        }
        out.flush();
        err.flush();
    }

    /** The launcher of this installation: bin/FRONT next to the jars' lib/ (distribution or build tree), else PATH. */
    static Path launcher(RunContext context, String front) {
        try {
            Path jar = Path.of(ScheduleOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path base = jar.getParent(); base != null; base = base.getParent()) {
                Path candidate = base.resolve("bin").resolve(front);
                if (Files.isExecutable(candidate)) {
                    return candidate.toAbsolutePath().normalize();
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException ignored) {
            // fall back to PATH
        }
        for (String dir : context.env().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(front);
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new OperationFailedException("cannot find the " + front + " launcher to schedule",
                "put the toolkit's bin/ folder on PATH and run again");
    }
}
