package dev.ailab.hub;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.Progress;
import dev.ailab.core.io.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.flywaydb.core.api.MigrationInfo;

/** {@code db info}, {@code db backup}, {@code db restore}: the maintenance of the store. */
public final class DbMaintenance {
    /** Tables whose rows {@code db info} counts. */
    public static final List<String> TABLES =
            List.of("project", "work_item", "idea", "ai_session", "ai_session_log", "ai_session_work_item");

    private final StoreFactory store;

    public DbMaintenance(StoreFactory store) {
        this.store = store;
    }

    /** What {@code db info} reports. */
    public record Info(String url, String file, boolean exists, Long sizeBytes, String schemaVersion, String latestKnown,
                       List<String> pending, List<String> newer, Map<String, Long> rows, String journalMode,
                       List<String> integrity) {
        public boolean integrityOk() {
            return integrity == null || integrity.equals(List.of("ok"));
        }
    }

    public Info info(boolean check) {
        StoreFactory.SchemaState state = store.schemaState();
        List<String> pending = new ArrayList<>();
        if (state.unknown().isEmpty()) {
            for (MigrationInfo m : store.flyway().info().pending()) {
                pending.add(m.getVersion() + " " + m.getDescription());
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        String journal = null;
        List<String> integrity = null;
        try (Connection c = store.rawConnection(); Statement st = c.createStatement()) {
            if (state.historyTable()) {
                for (String t : TABLES) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                        rs.next();
                        rows.put(t, rs.getLong(1));
                    } catch (SQLException e) {
                        if (StoreFactory.isCorrupt(e)) {
                            throw e;
                        }
                        // a table of a later version we do not have yet
                    }
                }
            }
            if (store.vendor() == StoreFactory.Vendor.SQLITE && !store.missing()) {
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    journal = rs.next() ? rs.getString(1) : null;
                }
                if (check) {
                    integrity = integrityCheck(c);
                }
            }
        } catch (SQLException e) {
            throw store.translate(e);
        }
        Long size = null;
        if (store.file() != null && !store.missing()) {
            size = sizeOf(store.file()) + sizeOf(Path.of(store.file() + "-wal"));
        }
        return new Info(store.where(), store.file() == null ? null : store.file().toString(), !store.missing(), size, state.version(),
                Migrations.latest(), pending, state.unknown(), rows, journal, integrity);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static List<String> integrityCheck(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    // ------------------------------------------------------------ backup

    /** Wraps the compressed stream, for example to age-encrypt it. */
    @FunctionalInterface
    public interface StreamWrapper {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    /** Opens the stored bytes, for example to age-decrypt them. */
    @FunctionalInterface
    public interface StreamUnwrapper {
        InputStream unwrap(InputStream in) throws IOException;
    }

    /** A finished backup: where, how big, its SHA-256 (also in FILE.sha256). */
    public record BackupResult(String file, long sizeBytes, String sha256, String checksumFile, boolean encrypted) {
    }

    /** The default backup file name in {@link StoreFactory#backupDir()}. */
    public Path defaultBackupFile(boolean encrypted) {
        requireSqlite("backup");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return store.backupDir().resolve("ai-lab-" + stamp + ".db.gz" + (encrypted ? ".age" : ""));
    }

    /**
     * Deletes all but the {@code keep} newest database backups in {@code dir} (files named as
     * {@link #defaultBackupFile} names them, with their {@code .sha256}); other files stay.
     */
    public static List<Path> prune(Path dir, int keep) {
        if (keep < 1) {
            throw new InvalidInputException("--keep must be at least 1, got " + keep, "keep at least the newest backup");
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            // The stamp in the name sorts by time; newest first.
            List<Path> backups = files.filter(f -> f.getFileName().toString().matches("ai-lab-\\d{8}-\\d{6}\\.db\\.gz(\\.age)?"))
                    .sorted(java.util.Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
            List<Path> deleted = new java.util.ArrayList<>();
            for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
                Files.deleteIfExists(old);
                Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".sha256"));
                deleted.add(old);
            }
            return deleted;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot prune backups in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the database with {@code VACUUM INTO} (one read transaction: a consistent snapshot
     * while other processes go on writing), gzips it, optionally wraps it (age), writes it
     * atomically and writes {@code target.sha256} in sha256sum's format.
     */
    public BackupResult backup(Path target, StreamWrapper wrapper) {
        return backup(target, wrapper, Progress.NONE);
    }

    /**
     * As {@link #backup(Path, StreamWrapper)}, reporting on {@code progress} the bytes of the
     * snapshot compressed (SQLite's {@code VACUUM INTO} itself reports nothing).
     */
    public BackupResult backup(Path target, StreamWrapper wrapper, Progress progress) {
        try {
            return backupTo(target, wrapper, progress);
        } finally {
            progress.close();
        }
    }

    private BackupResult backupTo(Path target, StreamWrapper wrapper, Progress progress) {
        requireSqlite("backup");
        if (store.missing()) {
            throw new OperationFailedException("the database " + store.where() + " does not exist yet: there is nothing to back up",
                    "check store.url / AI_LAB_DB_URL; the first command that writes (ai-lab work add) creates it");
        }
        store.ensureSchema();
        Path dir = target.toAbsolutePath().getParent();
        Path snapshot = dir.resolve("." + target.getFileName() + ".snapshot-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createDirectories(dir);
            try (Connection c = store.rawConnection(); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, snapshot.toString());
                ps.execute();
            } catch (SQLException e) {
                throw store.translate(e);
            }
            MessageDigest sha = Sha256.digest();
            AtomicFiles.write(target, channel -> {
                OutputStream file = new DigestOutputStream(Channels.newOutputStream(channel), sha);
                // the channel belongs to AtomicFiles (it forces and closes it): never close it here
                OutputStream base = nonClosing(file);
                OutputStream wrapped = wrapper == null ? base : wrapper.wrap(base);
                long total = Files.size(snapshot);
                try (GZIPOutputStream gz = new GZIPOutputStream(wrapped, 1 << 16);
                     InputStream in = Files.newInputStream(snapshot)) {
                    byte[] buf = new byte[1 << 16];
                    long done = 0;
                    for (int n; (n = in.read(buf)) > 0; done += n) {
                        progress.step("compressing", done, total);
                        gz.write(buf, 0, n);
                    }
                    progress.step("compressing", done, total);
                }
                file.flush();
            }, AtomicFiles.OWNER_ONLY);
            String hex = Sha256.hex(sha);
            Path sum = Path.of(target + ".sha256");
            AtomicFiles.writeString(sum, hex + "  " + target.getFileName() + "\n");
            return new BackupResult(target.toString(), Files.size(target), hex, sum.toString(), wrapper != null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write backup " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(snapshot);
            } catch (IOException ignored) {
                // a leftover hidden snapshot is harmless
            }
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    // ------------------------------------------------------------ restore

    /** A finished restore: what was restored and where the previous database was kept. */
    public record RestoreResult(String restoredFrom, String database, String previousKeptAt, String schemaVersion,
                                boolean checksumVerified, Map<String, Long> rows) {
    }

    /** True when the file starts like an age file (binary or armored). */
    public static boolean looksEncrypted(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(34);
            String s = new String(head, StandardCharsets.US_ASCII);
            return s.startsWith("age-encryption.org/") || s.startsWith("-----BEGIN AGE ENCRYPTED FILE-----");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Verifies the backup (checksum file when present, decryption, gzip, SQLite integrity check,
     * a schema this version knows) into a temporary file next to the database, and only then
     * moves the current database aside ({@code NAME.before-restore-STAMP}) and puts the restored
     * one in its place. Any failure before the swap leaves the current database untouched.
     */
    public RestoreResult restore(Path backup, StreamUnwrapper unwrapper) {
        requireSqlite("restore");
        if (!Files.isRegularFile(backup)) {
            throw new InvalidInputException("no such backup file: " + backup, "give the path of a file made by 'ai-lab db backup'");
        }
        boolean checksumVerified = verifyChecksum(backup);
        Path db = store.file();
        Path candidate = db.resolveSibling("." + db.getFileName() + ".restore-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createDirectories(db.getParent());
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(backup))) {
                InputStream in = unwrapper == null ? raw : unwrapper.unwrap(raw);
                in = new BufferedInputStream(in);
                in.mark(4);
                int b1 = in.read();
                int b2 = in.read();
                in.reset();
                if (b1 == 0x1f && b2 == 0x8b) {
                    in = new GZIPInputStream(in, 1 << 16);
                }
                Files.copy(in, candidate, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new OperationFailedException("cannot read backup " + backup + " ("
                        + dev.ailab.core.error.IoMessages.describe(e) + "); nothing was changed",
                        "the file is damaged, not a backup, or needs --identity", e);
            }
            String version;
            Map<String, Long> rows = new LinkedHashMap<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + candidate)) {
                List<String> problems = integrityCheck(c);
                if (!problems.equals(List.of("ok"))) {
                    throw new OperationFailedException("backup " + backup + " fails SQLite's integrity check: "
                            + String.join("; ", problems.subList(0, Math.min(3, problems.size()))), "pick another backup; nothing was changed");
                }
                List<String> versions = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success")) {
                    while (rs.next()) {
                        versions.add(rs.getString(1));
                    }
                }
                for (String v : versions) {
                    if (!Migrations.KNOWN.contains(v)) {
                        throw new OperationFailedException("backup " + backup + " holds schema version " + v
                                + ", newer than this ai-lab knows (up to " + Migrations.latest() + "); nothing was changed",
                                "restore it with a newer ai-lab");
                    }
                }
                version = versions.stream().max(Migrations::compare).orElse(null);
                try (Statement st = c.createStatement()) {
                    for (String t : TABLES) {
                        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                            rs.next();
                            rows.put(t, rs.getLong(1));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new OperationFailedException("backup " + backup + " is not a usable ai-lab database ("
                        + StoreFactory.plainMessage(e) + "); nothing was changed",
                        "pick another backup (one made by 'ai-lab db backup')", e);
            }
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path aside = null;
            if (Files.exists(db)) {
                aside = db.resolveSibling(db.getFileName() + ".before-restore-" + stamp);
                Files.move(db, aside);
                for (String suffix : new String[] {"-wal", "-shm"}) {
                    Path side = Path.of(db + suffix);
                    if (Files.exists(side)) {
                        Files.move(side, Path.of(aside + suffix), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.move(candidate, db, StandardCopyOption.ATOMIC_MOVE);
            return new RestoreResult(backup.toString(), db.toString(), aside == null ? null : aside.toString(), version,
                    checksumVerified, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore into " + db + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(candidate);
            } catch (IOException ignored) {
                // harmless leftover
            }
        }
    }

    /** Checks FILE.sha256 when it exists; false when there is none. A mismatch is an error. */
    static boolean verifyChecksum(Path backup) {
        Path sum = Path.of(backup + ".sha256");
        if (!Files.isRegularFile(sum)) {
            return false;
        }
        try {
            String expected = Files.readString(sum).trim().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
            MessageDigest sha = Sha256.digest();
            try (InputStream in = new DigestInputStream(Files.newInputStream(backup), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String actual = Sha256.hex(sha);
            if (!actual.equals(expected)) {
                throw new OperationFailedException("backup " + backup + " does not match its checksum (" + sum.getFileName()
                        + " says " + expected + ", the file is " + actual + ")", "the copy is damaged; pick another backup; nothing was changed");
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + backup + ": " + e.getMessage(), e);
        }
    }

    private void requireSqlite(String what) {
        if (store.vendor() != StoreFactory.Vendor.SQLITE) {
            throw new OperationFailedException("db " + what + " works on the embedded SQLite store; " + store.where() + " is a server",
                    "use the server's own tools (pg_dump / pg_restore) for PostgreSQL");
        }
    }

}
