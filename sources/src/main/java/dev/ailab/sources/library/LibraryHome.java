package dev.ailab.sources.library;

import java.nio.file.Path;

/**
 * Where one ai-config installation lives: {@code library/} (the git working copy),
 * {@code personal/} (the user's files and overrides), {@code .ai-config/} (index, versions,
 * backups of local edits) and the audit log folder under {@code $XDG_STATE_HOME/ai-config}.
 */
public record LibraryHome(Path home, Path personal, Path stateDir) {

    public static LibraryHome of(Path home, Path personal, Path stateDir) {
        Path h = home.toAbsolutePath().normalize();
        return new LibraryHome(h, personal == null ? h.resolve("personal") : personal.toAbsolutePath().normalize(),
                stateDir.toAbsolutePath().normalize());
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
