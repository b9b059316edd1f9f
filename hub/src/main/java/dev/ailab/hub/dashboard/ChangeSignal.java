package dev.ailab.hub.dashboard;

import dev.ailab.hub.StoreFactory;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells the dashboard that the store may have changed, whoever changed it, without polling the
 * tables. SQLite: the folder's inotify events for the database and its WAL wake the wait, and
 * {@code PRAGMA data_version} (which moves only when another connection committed) confirms;
 * a fallback check every few seconds covers file systems without events. A file put in the
 * database's place ({@code db restore} moves one in) is seen by its changed inode: the kept
 * connection still reads the old, moved file, so it is reopened and {@link #takeReplaced} says so.
 * PostgreSQL: the
 * triggers of migration V3 send {@code NOTIFY ai_lab_changes}, and this waits on {@code LISTEN}.
 */
public abstract class ChangeSignal implements AutoCloseable {
    /** The notification channel the PostgreSQL triggers use. */
    public static final String CHANNEL = "ai_lab_changes";
    /** How long a wait lasts at most before the cheap confirmation query runs anyway. */
    static final long FALLBACK_MS = 3_000;
    /** After a file event, how often and how long data_version is read again. */
    static final long RECHECK_MS = 5;
    static final long RECHECK_WINDOW_MS = 200;

    /** Blocks until the store may have changed (true) or {@code timeoutMs} passed (false). */
    public abstract boolean await(long timeoutMs) throws InterruptedException;

    @Override
    public abstract void close();

    /** True once after the store was replaced by another file (or appeared or vanished) since the last call. */
    public boolean takeReplaced() {
        return false;
    }

    public static ChangeSignal of(StoreFactory store) {
        return store.vendor() == StoreFactory.Vendor.POSTGRESQL ? new Postgres(store) : new Sqlite(store);
    }

    /** SQLite: inotify on the folder, data_version to confirm. */
    static final class Sqlite extends ChangeSignal {
        private final StoreFactory store;
        private final Path file;
        private WatchService watcher;
        private Connection connection;
        private long version = Long.MIN_VALUE;
        private boolean existed;
        /** The file's identity (device and inode on Linux) when the connection was opened. */
        private Object identity;
        private boolean replaced;
        private long recheckUntil;

        Sqlite(StoreFactory store) {
            this.store = store;
            this.file = store.file();
            existed = Files.isRegularFile(file);
            identity = identity(file);
        }

        private static Object identity(Path file) {
            try {
                return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public boolean takeReplaced() {
            boolean r = replaced;
            replaced = false;
            return r;
        }

        @Override
        public boolean await(long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (true) {
                if (changed()) {
                    return true;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                if (System.nanoTime() < recheckUntil) {
                    Thread.sleep(Math.min(left, RECHECK_MS));
                } else if (waitForEvent(Math.min(left, FALLBACK_MS))) {
                    // The WAL is written before the commit is published in the shared index, so
                    // data_version may move only a moment after the event: look again shortly.
                    recheckUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECHECK_WINDOW_MS);
                }
            }
        }

        /** Waits for a file event in the folder; true when one came. */
        private boolean waitForEvent(long ms) throws InterruptedException {
            WatchService w = watcher();
            if (w == null) {
                Thread.sleep(ms); // the folder does not exist yet
                return false;
            }
            try {
                WatchKey key = w.poll(ms, TimeUnit.MILLISECONDS);
                if (key != null) {
                    boolean ours = false;
                    for (WatchEvent<?> e : key.pollEvents()) {
                        ours |= e.context() == null || e.context().toString().startsWith(file.getFileName().toString());
                    }
                    key.reset();
                    return ours;
                }
                return false;
            } catch (ClosedWatchServiceException e) {
                Thread.sleep(ms);
                return false;
            }
        }

        private WatchService watcher() {
            if (watcher == null && Files.isDirectory(file.getParent())) {
                try {
                    watcher = FileSystems.getDefault().newWatchService();
                    WatchEvent.Kind<?>[] kinds = {StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE};
                    file.getParent().register(watcher, kinds);
                } catch (IOException e) {
                    watcher = null; // no events here: the fallback check every few seconds still runs
                }
            }
            return watcher;
        }

        private boolean changed() {
            boolean exists = Files.isRegularFile(file);
            Object now = exists ? identity(file) : null;
            if (exists != existed || (now != null && !now.equals(identity))) {
                existed = exists;
                identity = now;
                replaced = true;
                closeConnection();
                version = Long.MIN_VALUE;
                return true;
            }
            if (!exists) {
                return false;
            }
            try {
                if (connection == null) {
                    connection = store.rawConnection();
                }
                long data;
                try (Statement st = connection.createStatement(); var rs = st.executeQuery("PRAGMA data_version")) {
                    rs.next();
                    data = rs.getLong(1);
                }
                boolean moved = version != Long.MIN_VALUE && data != version;
                version = data;
                return moved;
            } catch (SQLException e) {
                closeConnection(); // a damaged or half-written file: start again on the next check
                version = Long.MIN_VALUE;
                replaced = true;
                return true;
            }
        }

        private void closeConnection() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // nothing to do
                }
                connection = null;
            }
        }

        @Override
        public void close() {
            closeConnection();
            if (watcher != null) {
                try {
                    watcher.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }

    /** PostgreSQL: LISTEN on the channel the triggers notify. */
    static final class Postgres extends ChangeSignal {
        private final StoreFactory store;
        private Connection connection;

        Postgres(StoreFactory store) {
            this.store = store;
        }

        @Override
        public boolean await(long timeoutMs) throws InterruptedException {
            try {
                if (connection == null) {
                    store.ensureSchema();
                    connection = store.rawConnection();
                    try (Statement st = connection.createStatement()) {
                        st.execute("LISTEN " + CHANNEL);
                    }
                    return true; // anything may have happened while nobody listened
                }
                PGNotification[] got = connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeoutMs));
                return got != null && got.length > 0;
            } catch (SQLException | RuntimeException e) {
                close();
                Thread.sleep(Math.min(timeoutMs, 1_000)); // the server is away: try again shortly
                return false;
            }
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing
                }
                connection = null;
            }
        }
    }
}
