package dev.ailab.sources.library;

import java.nio.file.Path;

/**
 * Where one ai-config installation lives: {@code library/} (the git working copy),
 * {@code personal/} (the user's files and overrides), {@code .ai-config/} (index, versions,
 * backups of local edits) and the audit log folder under {@code $XDG_STATE_HOME/ai-config}.
 */
public record LibraryHome(Path home, Path personal, Path stateDir) {

    /** Where {@code init} records a {@code personal/} chosen outside the home (one absolute path). */
    static final String PERSONAL_RECORD = ".ai-config/personal-path";

    /**
     * {@code personal} null: the folder {@code init} recorded (a shared folder chosen then), else
     * {@code <home>/personal}. A {@code library.personal} in the config always wins.
     */
    public static LibraryHome of(Path home, Path personal, Path stateDir) {
        Path h = home.toAbsolutePath().normalize();
        Path chosen = personal != null ? personal : recorded(h);
        return new LibraryHome(h, chosen == null ? h.resolve("personal") : chosen.toAbsolutePath().normalize(),
                stateDir.toAbsolutePath().normalize());
    }

    private static Path recorded(Path home) {
        Path record = home.resolve(PERSONAL_RECORD);
        try {
            String text = java.nio.file.Files.isRegularFile(record) ? java.nio.file.Files.readString(record).strip() : "";
            return text.isEmpty() ? null : Path.of(text);
        } catch (java.io.IOException | RuntimeException e) {
            return null; // unreadable: the default folder, as before init recorded anything
        }
    }

    /** Whether {@code personal/} is somewhere else than {@code <home>/personal}. */
    public boolean personalElsewhere() {
        return !personal.equals(home.resolve("personal"));
    }

    public Path library() {
        return home.resolve("library");
    }

    public Path meta() {
        return home.resolve(".ai-config");
    }

    public Path versionsFile() {
        return meta().resolve("versions.jsonl");
    }

    public Path indexFile() {
        return meta().resolve("index.bin");
    }

    public Path snapshots() {
        return meta().resolve("snapshots");
    }

    public Path lockFile() {
        return meta().resolve("lock");
    }

    public Path orphansFile() {
        return meta().resolve("deleted-overrides.txt");
    }

    public Path auditFile() {
        return stateDir.resolve("audit.jsonl");
    }
}
