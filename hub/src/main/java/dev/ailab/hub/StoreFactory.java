package dev.ailab.hub;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.error.ToolkitException;
import dev.ailab.core.io.XdgDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the hub's store. Cheap to create: nothing touches the database until a command asks.
 * <ul>
 *   <li>{@link #jdbc} / {@link #read}: plain JDBC on one configured connection. Every repository
 *       ({@link WorkItems}, {@link Ideas}, {@link Sessions}, {@link Projects}) works this way, so
 *       no command-line run pays the second or so Hibernate takes to boot;</li>
 *   <li>{@link #hibernate}: the Hibernate {@link SessionFactory} over the same tables, for a
 *       process that lives long enough to pay for its start (nothing in the toolkit uses it yet;
 *       the store contract holds the entities and the JDBC rows to each other). Built on first
 *       use only, with an explicit entity list, no scanning, no XML mapping, no JDBC metadata
 *       look-ups at boot and no second-level cache.</li>
 * </ul>
 * Before either touches a table the schema is checked with one query against Flyway's history:
 * current means go, older means Flyway migrates (under a file lock on SQLite, so eight processes
 * starting on a fresh file do not race), newer means refuse without touching anything.
 * SQLite connections use WAL, a busy timeout, foreign keys and {@code BEGIN IMMEDIATE}.
 */
public final class StoreFactory implements AutoCloseable {
    /** The database kinds we support; the folder names are Flyway's vendor names. */
    public enum Vendor {
        SQLITE("sqlite", "org.hibernate.community.dialect.SQLiteDialect"),
        POSTGRESQL("postgresql", null);

        private final String folder;
        private final String dialect;

        Vendor(String folder, String dialect) {
            this.folder = folder;
            this.dialect = dialect;
        }

        public String folder() {
            return folder;
        }
    }

    /** Every entity, listed: Hibernate never scans the classpath. */
    public static final List<Class<?>> ENTITIES =
            List.of(Project.class, WorkItem.class, Idea.class, AiSession.class, SessionLogEntry.class);

    /** How long a writer waits for another process's transaction before giving up. */
    public static final int BUSY_TIMEOUT_MS = 30_000;

    /** Whether the command that opens the store may create it. */
    public enum Access {
        /** May create the database file and its folder (a command that writes). */
        WRITE,
        /**
         * Never creates anything: a missing SQLite file reads as an empty store (an in-memory
         * stand-in with the current schema), and a missing folder that is not the default one
         * is refused, since it is most likely a typo in store.url.
         */
        READ
    }

    private final StoreSettings settings;
    private final Vendor vendor;
    private final Path file;
    private final Access access;
    private final Path defaultFile;
    private DataSource dataSource;
    private boolean accessChecked;
    /** Keeps the in-memory stand-in of a missing file alive while the factory is open. */
    private Connection standInKeeper;
    private boolean schemaChecked;
    private volatile boolean keepReadConnection;
    private final Object readLock = new Object();
    private Connection keptConnection;
    private SessionFactory sessionFactory;
    private long hibernateBootMillis = -1;

    private StoreFactory(StoreSettings settings, Access access, Path defaultFile) {
        this.settings = settings;
        this.access = access;
        this.defaultFile = defaultFile == null ? null : defaultFile.toAbsolutePath();
        String url = settings.url();
        if (url.startsWith("jdbc:sqlite:")) {
            vendor = Vendor.SQLITE;
            String rest = url.substring("jdbc:sqlite:".length());
            int q = rest.indexOf('?');
            String pathPart = q >= 0 ? rest.substring(0, q) : rest;
            if (pathPart.isEmpty() || pathPart.equals(":memory:") || pathPart.startsWith("file:")) {
                throw new InvalidInputException("unsupported SQLite URL '" + url + "'",
                        "point store.url at a file, for example jdbc:sqlite:/path/to/ai-lab.db");
            }
            file = XdgDirs.expandHome(pathPart).toAbsolutePath();
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.enforceForeignKeys(true);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl("jdbc:sqlite:" + file);
            dataSource = ds;
        } else if (url.startsWith("jdbc:postgresql:")) {
            vendor = Vendor.POSTGRESQL;
            file = null;
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            if (settings.user() != null) {
                ds.setUser(settings.user());
            }
            if (settings.password() != null) {
                ds.setPassword(settings.password());
            }
            dataSource = ds;
        } else {
            throw new InvalidInputException("unsupported store URL '" + url + "'",
                    "use jdbc:sqlite:/path/to/file.db or jdbc:postgresql://host:5432/db (store.url or AI_LAB_DB_URL)");
        }
    }

    /** Opens the store for a command that writes: the file and its folder are made on first use. */
    public static StoreFactory open(StoreSettings settings) {
        return new StoreFactory(settings, Access.WRITE, null);
    }

    /**
     * Opens the store for a command that only reads: nothing is ever created. {@code defaultFile}
     * is the XDG default database, whose missing folder just means "nothing yet".
     */
    public static StoreFactory openForReading(StoreSettings settings, Path defaultFile) {
        return new StoreFactory(settings, Access.READ, defaultFile);
    }

    /** True when a read-only factory found no database file and answers from an empty stand-in. */
    public boolean missing() {
        checkAccess();
        return standInKeeper != null;
    }

    public Vendor vendor() {
        return vendor;
    }

    public StoreSettings settings() {
        return settings;
    }

    /** The SQLite file, or null for a server. */
    public Path file() {
        return file;
    }

    /** Where {@code db backup} puts copies by default and where restore keeps the old file. */
    public Path backupDir() {
        return file == null ? null : file.resolveSibling("backups");
    }

    /** A raw connection, without the schema check: for maintenance (info, backup, integrity). */
    public Connection rawConnection() throws SQLException {
        checkAccess();
        if (file != null && standInKeeper == null) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
            }
        }
        if (vendor != Vendor.SQLITE) {
            return dataSource.getConnection();
        }
        // sqlite-jdbc applies journal_mode=WAL before busy_timeout when it opens a connection, so
        // an open that races another process creating or migrating the file fails at once with
        // SQLITE_BUSY instead of waiting: wait here, for as long as the busy timeout would.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(BUSY_TIMEOUT_MS);
        for (long pause = 5; ; pause = Math.min(pause * 2, 100)) {
            try {
                return dataSource.getConnection();
            } catch (org.sqlite.SQLiteException e) {
                boolean busy = e.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_BUSY
                        || e.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_LOCKED;
                if (!busy || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * For a read-only factory over a SQLite file that does not exist: refuses a missing folder
     * that is not the default one (exit 2, naming it), else answers from an empty in-memory
     * database with the current schema, so lists are empty and nothing is written to disk.
     */
    private synchronized void checkAccess() {
        if (accessChecked) {
            return;
        }
        accessChecked = true;
        if (access != Access.READ || file == null || Files.exists(file)) {
            return;
        }
        Path folder = file.getParent();
        if (!Files.isDirectory(folder) && !file.equals(defaultFile)) {
            throw new InvalidInputException("the store folder " + folder + " does not exist (store.url names " + file + ")",
                    "check store.url / AI_LAB_DB_URL; a command that writes, such as 'ai-lab work add', creates the database");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:file:ai-lab-empty-" + Long.toHexString(System.nanoTime()) + "?mode=memory&cache=shared");
        try {
            standInKeeper = ds.getConnection();
        } catch (SQLException e) {
            throw translate(e);
        }
        dataSource = ds;
    }

    /** Runs {@code work} in one transaction (commit on success, rollback on any failure). */
    public <T> T jdbc(SqlWork<T> work) {
        ensureSchema();
        try (Connection c = rawConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs read-only {@code work} in auto-commit mode: on SQLite it takes no write lock. */
    public <T> T read(SqlWork<T> work) {
        ensureSchema();
        if (keepReadConnection) {
            return readOnKeptConnection(work);
        }
        try (Connection c = rawConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * For a long-lived reader on PostgreSQL (the dashboard server): {@link #read} then uses one
     * kept connection, in auto-commit mode so every statement sees what others committed,
     * instead of paying for a new connection (tens of milliseconds with password authentication)
     * on every read. Reads then take turns on it. SQLite opens a file, which costs nothing worth keeping.
     */
    public void keepReadConnection() {
        keepReadConnection = vendor == Vendor.POSTGRESQL;
    }

    private <T> T readOnKeptConnection(SqlWork<T> work) {
        synchronized (readLock) {
            try {
                if (keptConnection == null || keptConnection.isClosed()) {
                    keptConnection = rawConnection();
                    keptConnection.setAutoCommit(true);
                }
                return work.run(keptConnection);
            } catch (SQLException e) {
                closeKeptConnection(); // the server went away or the connection broke: the next read reconnects
                throw translate(e);
            }
        }
    }

    private void closeKeptConnection() {
        if (keptConnection != null) {
            try {
                keptConnection.close();
            } catch (SQLException ignored) {
                // it is being dropped anyway
            }
            keptConnection = null;
        }
    }

    /** Runs {@code work} in one Hibernate transaction; builds the SessionFactory on first use. */
    public <T> T hibernate(Function<Session, T> work) {
        SessionFactory sf = sessionFactory();
        try {
            return sf.fromTransaction(work);
        } catch (ToolkitException e) {
            throw e;
        } catch (RuntimeException e) {
            SQLException sql = findSql(e);
            if (sql != null) {
                throw translate(sql);
            }
            throw e;
        }
    }

    /** The SessionFactory, built lazily (the schema is checked first). */
    public synchronized SessionFactory sessionFactory() {
        if (sessionFactory == null) {
            ensureSchema();
            long start = System.nanoTime();
            sessionFactory = HibernateBoot.build(vendor.dialect, dataSource);
            hibernateBootMillis = (System.nanoTime() - start) / 1_000_000;
            org.slf4j.LoggerFactory.getLogger(StoreFactory.class).info("Hibernate SessionFactory built in {} ms", hibernateBootMillis);
        }
        return sessionFactory;
    }

    /** Milliseconds the SessionFactory took to build, or -1 when it was not built. */
    public long hibernateBootMillis() {
        return hibernateBootMillis;
    }

    // ---------------------------------------------------------------- schema

    /** What Flyway's history says about the database, read with plain JDBC. */
    public record SchemaState(boolean historyTable, List<String> applied, List<String> unknown, List<String> failed) {
        public boolean current() {
            return unknown.isEmpty() && failed.isEmpty() && applied.containsAll(Migrations.KNOWN);
        }

        public String version() {
            return applied.stream().max(Migrations::compare).orElse(null);
        }
    }

    public SchemaState schemaState() {
        try (Connection c = rawConnection()) {
            return schemaState(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private SchemaState schemaState(Connection c) throws SQLException {
        String probe = vendor == Vendor.SQLITE
                ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'"
                : "SELECT CASE WHEN to_regclass('flyway_schema_history') IS NULL THEN 0 ELSE 1 END";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(probe)) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return new SchemaState(false, List.of(), List.of(), List.of());
            }
        }
        List<String> applied = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    failed.add(v);
                } else if (Migrations.KNOWN.contains(v)) {
                    applied.add(v);
                } else {
                    unknown.add(v);
                }
            }
        }
        return new SchemaState(true, applied, unknown, failed);
    }

    /** Checks the schema once per factory; migrates an older database, refuses a newer one. */
    public synchronized void ensureSchema() {
        if (schemaChecked) {
            return;
        }
        SchemaState state = schemaState();
        refuseIfNewer(state);
        if (!state.current()) {
            migrate();
        }
        schemaChecked = true;
    }

    private void refuseIfNewer(SchemaState state) {
        if (!state.unknown().isEmpty()) {
            throw new OperationFailedException("the database " + where() + " has schema version "
                    + String.join(", ", state.unknown()) + ", newer than this ai-lab knows (up to "
                    + Migrations.latest() + "); nothing was changed",
                    "upgrade ai-lab, or point store.url / AI_LAB_DB_URL at another database");
        }
        if (!state.failed().isEmpty()) {
            throw new OperationFailedException("a migration of " + where() + " failed earlier (version "
                    + String.join(", ", state.failed()) + ")",
                    "restore a backup with 'ai-lab db restore FILE' or repair the database by hand");
        }
    }

    /** Applies pending migrations; returns how many ran. Refuses a database from a newer version. */
    public synchronized int migrate() {
        try (MigrationLock ignored = migrationLock()) {
            SchemaState state = schemaState();
            refuseIfNewer(state);
            if (state.current()) {
                schemaChecked = true;
                return 0;
            }
            try {
                int applied = flyway().migrate().migrationsExecuted;
                schemaChecked = true;
                return applied;
            } catch (RuntimeException e) {
                SQLException sql = findSql(e);
                if (sql != null && isCorrupt(sql)) {
                    throw translate(sql);
                }
                String detail = sql != null ? plainMessage(sql) : String.valueOf(e.getMessage()).strip().split("\\R", 2)[0];
                throw new OperationFailedException("cannot migrate " + where() + ": " + detail,
                        "if this file is not an ai-lab database, point store.url / AI_LAB_DB_URL elsewhere", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + " for migration: " + e.getMessage(), e);
        }
    }

    /** Flyway over our data source and the migrations of this database kind. */
    public Flyway flyway() {
        checkAccess();
        return Flyway.configure(StoreFactory.class.getClassLoader())
                .dataSource(dataSource)
                .locations(Migrations.location(vendor))
                .failOnMissingLocations(true)
                .load();
    }

    /** An exclusive lock on a sibling file, held while migrating, so concurrent first runs queue up. */
    private MigrationLock migrationLock() throws IOException {
        checkAccess();
        if (file == null || standInKeeper != null) {
            return new MigrationLock(null, null); // PostgreSQL: Flyway takes an advisory lock itself
        }
        Files.createDirectories(file.getParent());
        Path lockFile = file.resolveSibling(file.getFileName() + ".migrate-lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return new MigrationLock(channel, channel.lock());
    }

    private record MigrationLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (channel != null) {
                lock.release();
                channel.close();
            }
        }
    }

    // ---------------------------------------------------------------- errors

    /** A readable name of the database for messages. */
    public String where() {
        return file != null ? file.toString() : settings.url().replaceAll("password=[^&]*", "password=***");
    }

    /** "ai-lab db restore NEWEST" when a backup exists, else how to find one. */
    public String restoreHint() {
        Path newest = newestBackup();
        if (newest != null) {
            return "restore the newest backup: ai-lab db restore " + newest;
        }
        return "restore a backup with 'ai-lab db restore FILE'" + (backupDir() != null ? " (none found in " + backupDir() + ")" : "");
    }

    /** The most recent file in {@link #backupDir()} made by {@code db backup}, or null. */
    public Path newestBackup() {
        Path dir = backupDir();
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("ai-lab-") && (n.endsWith(".db.gz") || n.endsWith(".db.gz.age"));
            }).max(java.util.Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public static boolean isCorrupt(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT") || m.contains("malformed");
    }

    /**
     * A database error in plain words, without the driver's codes: "[SQLITE_NOTADB] File opened
     * that is not a database file (file is not a database)" becomes "the file is not an SQLite
     * database". Other errors keep their own detail ("no such table: work_items").
     */
    public static String plainMessage(SQLException e) {
        String m = String.valueOf(e.getMessage()).strip();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("^\\[(SQLITE_[A-Z_]+)\\]\\s*(.*)$", java.util.regex.Pattern.DOTALL)
                .matcher(m);
        if (!code.matches()) {
            return m;
        }
        String rest = code.group(2);
        String base = code.group(1).replaceFirst("^(SQLITE_[A-Z]+)_.*$", "$1");
        switch (base) {
            case "SQLITE_NOTADB":
                return "the file is not an SQLite database";
            case "SQLITE_CORRUPT":
                return "SQLite found damaged pages in it";
            case "SQLITE_BUSY", "SQLITE_LOCKED":
                return "another process holds a lock on it";
            case "SQLITE_READONLY":
                return "it is read-only (the file, its folder or the file system)";
            case "SQLITE_CANTOPEN":
                return "it cannot be opened (a missing folder or no permission)";
            case "SQLITE_FULL":
                return "the disk is full";
            case "SQLITE_PERM", "SQLITE_AUTH":
                return "permission denied";
            case "SQLITE_IOERR":
                return "a read or write of the file failed";
            default:
                // "SQL error or missing database (no such table: x)": the detail in parentheses says more.
                java.util.regex.Matcher detail = java.util.regex.Pattern.compile("^.*?\\((.+)\\)$", java.util.regex.Pattern.DOTALL)
                        .matcher(rest);
                return detail.matches() ? detail.group(1) : rest;
        }
    }

    /** Turns a database error into a message the user can act on. */
    public ToolkitException translate(SQLException e) {
        String m = plainMessage(e);
        if (isCorrupt(e)) {
            return new OperationFailedException("the database " + where() + " is damaged or not a database: " + m,
                    restoreHint(), e);
        }
        if (m.contains("SQLITE_BUSY") || m.contains("database is locked")) {
            return new ExternalSystemException("the database " + where() + " stayed locked by another process for "
                    + BUSY_TIMEOUT_MS / 1000 + " s", "try again; look for a stuck ai-lab process", e);
        }
        if (m.contains("SQLITE_READONLY") || m.contains("SQLITE_CANTOPEN")) {
            return new OperationFailedException("cannot write the database " + where() + ": " + m,
                    "check the permissions of the file and its folder", e);
        }
        if ("28P01".equals(e.getSQLState()) || "08001".equals(e.getSQLState()) || "3D000".equals(e.getSQLState())) {
            return new ExternalSystemException("cannot connect to " + where() + ": " + m,
                    "check store.url / AI_LAB_DB_URL, store.user and the password variable named by store.password_env", e);
        }
        return new ExternalSystemException("database error on " + where() + ": " + m,
                "check that the database is up and store.url / AI_LAB_DB_URL points at it; -x shows the details", e);
    }

    static SQLException findSql(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure matters more
        }
    }

    @Override
    public synchronized void close() {
        synchronized (readLock) {
            closeKeptConnection();
        }
        if (sessionFactory != null) {
            sessionFactory.close();
            sessionFactory = null;
        }
        if (standInKeeper != null) {
            try {
                standInKeeper.close();
            } catch (SQLException ignored) {
                // an in-memory database: nothing to lose
            }
        }
    }
}
