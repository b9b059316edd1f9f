package dev.ailab.deployment.schedule;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A recurring backup as a systemd user timer and service, or, where systemd does not run, the
 * crontab line that does the same. The units run the toolkit's own launcher with fixed
 * arguments (no secret ever goes into a unit: encrypted backups name a public recipient).
 *
 * @param name      the unit name without suffix, e.g. {@code ai-lab-db-backup}
 * @param title     what the units' Description says
 * @param commands  the command lines to run in order, each an argv (the first runs the backup,
 *                  the next ones prune)
 * @param frequency how often
 */
public record BackupSchedule(String name, String title, List<List<String>> commands, Frequency frequency) {
    private static final Pattern UNIT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** How often a scheduled backup runs; the words are systemd's calendar shorthands. */
    public enum Frequency {
        DAILY, WEEKLY;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Frequency parse(String text) {
            for (Frequency f : values()) {
                if (f.word().equals(text)) {
                    return f;
                }
            }
            throw new InvalidInputException("--schedule takes daily or weekly, got '" + text + "'",
                    "write --schedule daily or --schedule weekly");
        }

        String cron() {
            return this == DAILY ? "17 3 * * *" : "17 3 * * 0";
        }
    }

    public BackupSchedule {
        if (!UNIT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a unit name: " + name);
        }
        commands = commands.stream().map(List::copyOf).toList();
    }

    /** The two unit files, by file name. */
    public Map<String, String> units() {
        StringBuilder service = new StringBuilder()
                .append("[Unit]\nDescription=").append(title).append("\n\n[Service]\nType=oneshot\n");
        service.append("ExecStart=").append(execLine(commands.get(0))).append('\n');
        for (List<String> after : commands.subList(1, commands.size())) {
            service.append("ExecStartPost=").append(execLine(after)).append('\n');
        }
        // Backups are background work: they yield to whatever the user is doing.
        service.append("Nice=10\nIOSchedulingClass=idle\n");
        String timer = "[Unit]\nDescription=" + title + " (" + frequency.word() + ")\n\n[Timer]\nOnCalendar="
                + frequency.word() + "\n# A run missed while the machine was off happens at the next start.\nPersistent=true\n"
                + "RandomizedDelaySec=15min\n\n[Install]\nWantedBy=timers.target\n";
        Map<String, String> units = new LinkedHashMap<>();
        units.put(name + ".service", service.toString());
        units.put(name + ".timer", timer);
        return units;
    }

    /** The same schedule for cron, for machines without a systemd user instance. */
    public String crontabLine() {
        List<String> parts = new ArrayList<>();
        for (List<String> command : commands) {
            parts.add(shellLine(command));
        }
        return frequency.cron() + " " + String.join(" && ", parts);
    }

    /** Writes the units into {@code unitDir} (normally {@code $XDG_CONFIG_HOME/systemd/user}). */
    public List<Path> writeUnits(Path unitDir) {
        List<Path> written = new ArrayList<>();
        units().forEach((file, text) -> {
            Path target = unitDir.resolve(file);
            AtomicFiles.writeString(target, text);
            written.add(target);
        });
        return written;
    }

    /** Removes this schedule's units from {@code unitDir}; returns the files that were there. */
    public static List<Path> removeUnits(Path unitDir, String name) {
        List<Path> removed = new ArrayList<>();
        for (String suffix : List.of(".timer", ".service")) {
            Path file = unitDir.resolve(name + suffix);
            try {
                if (Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
            }
        }
        return removed;
    }

    /**
     * Runs {@code systemctl --user ARGS}; false when there is no systemd user instance to talk to
     * (a container, a CI runner, a machine without systemd), so the caller can print the crontab line.
     */
    public static boolean systemctl(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("systemctl", "--user"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new OperationFailedException("systemctl --user " + String.join(" ", args) + " did not finish in 30 s",
                        "check 'systemctl --user status'");
            }
            return p.exitValue() == 0 && !said.contains("Failed to connect");
        } catch (IOException e) {
            return false; // no systemctl at all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One argv as an ExecStart value: systemd's quoting, with its specifier and variable signs escaped. */
    static String execLine(List<String> argv) {
        List<String> quoted = new ArrayList<>();
        for (String a : argv) {
            String escaped = a.replace("%", "%%").replace("$", "$$");
            quoted.add(a.matches("[A-Za-z0-9_./=:+@,-]+") ? escaped
                    : "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return String.join(" ", quoted);
    }

    /** One argv for a POSIX shell (cron runs its lines with sh). */
    static String shellLine(List<String> argv) {
        List<String> quoted = new ArrayList<>();
        for (String a : argv) {
            quoted.add(a.matches("[A-Za-z0-9_./=:+@,-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }
}
