package dev.ailab.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.OperationFailedException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup, restore, info and integrity checks on real SQLite files. */
class DbMaintenanceTest {
    @TempDir
    Path dir;

    private StoreFactory open() {
        return StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + dir.resolve("data/hub.db")));
    }

    @Test
    void infoReportsVersionRowsAndIntegrity() {
        try (StoreFactory store = open()) {
            new WorkItems(store).add(NewWorkItem.of("a"));
            DbMaintenance.Info info = new DbMaintenance(store).info(true);
            assertThat(info.schemaVersion()).isEqualTo(Migrations.latest());
            assertThat(info.pending()).isEmpty();
            assertThat(info.rows()).containsEntry("work_item", 1L);
            assertThat(info.journalMode()).isEqualTo("wal");
            assertThat(info.integrityOk()).isTrue();
            assertThat(info.sizeBytes()).isPositive();
        }
    }

    @Test
    void backupWhileAnotherThreadWritesThenRestoreKeepsThePreviousFile() throws Exception {
        Path backup = dir.resolve("out/hub.db.gz");
        try (StoreFactory store = open()) {
            WorkItems work = new WorkItems(store);
            for (int i = 0; i < 50; i++) {
                work.add(NewWorkItem.of("before " + i));
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                try (StoreFactory other = open()) {
                    WorkItems w = new WorkItems(other);
                    while (!stop.get()) {
                        w.add(NewWorkItem.of("during"));
                        written.incrementAndGet();
                    }
                }
            });
            writer.start();
            while (written.get() < 5) {
                Thread.sleep(5);
            }
            DbMaintenance.BackupResult result = new DbMaintenance(store).backup(backup, null);
            stop.set(true);
            writer.join();
            assertThat(result.sha256()).hasSize(64);
            assertThat(Files.readString(Path.of(result.checksumFile()))).startsWith(result.sha256() + "  hub.db.gz");
            work.add(NewWorkItem.of("after the backup"));
        }
        try (StoreFactory store = open()) {
            long before = new WorkItems(store).count();
            DbMaintenance.RestoreResult r = new DbMaintenance(store).restore(backup, null);
            assertThat(r.checksumVerified()).isTrue();
            assertThat(r.previousKeptAt()).isNotNull();
            assertThat(Path.of(r.previousKeptAt())).exists();
            long restored = new WorkItems(open()).count();
            assertThat(restored).isBetween(55L, before - 1);
            WorkFilter f = new WorkFilter();
            f.text = "after the backup";
            assertThat(new WorkItems(open()).list(f)).isEmpty();
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndNothingChanges() throws Exception {
        Path backup = dir.resolve("b.db.gz");
        try (StoreFactory store = open()) {
            new WorkItems(store).add(NewWorkItem.of("keep me"));
            new DbMaintenance(store).backup(backup, null);
            byte[] bytes = Files.readAllBytes(backup);
            bytes[bytes.length / 2] ^= 0x55;
            Files.write(backup, bytes);
            assertThatThrownBy(() -> new DbMaintenance(store).restore(backup, null))
                    .isInstanceOf(OperationFailedException.class).hasMessageContaining("checksum");
            Files.delete(Path.of(backup + ".sha256"));
            assertThatThrownBy(() -> new DbMaintenance(store).restore(backup, null))
                    .isInstanceOf(OperationFailedException.class).hasMessageContaining("nothing was changed");
            assertThat(new WorkItems(store).count()).isEqualTo(1);
        }
        try (var files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore") || n.contains(".restore-"));
        }
    }

    @Test
    void aCorruptDatabaseIsReportedWithTheRestoreCommand() throws Exception {
        try (StoreFactory store = open()) {
            WorkItems work = new WorkItems(store);
            for (int i = 0; i < 300; i++) {
                work.add(new NewWorkItem("item " + i + " " + "x".repeat(200), null, null, null, null, java.util.List.of(),
                        null, null, null, null, null, null));
            }
            store.read(c -> {
                try (var st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
        }
        Path db = dir.resolve("data/hub.db");
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            for (long pos = 4096 * 3; pos < f.length(); pos += 4096) {
                f.seek(pos + 100);
                f.write(new byte[64]);
            }
        }
        try (StoreFactory store = open()) {
            assertThatThrownBy(() -> {
                DbMaintenance.Info info = new DbMaintenance(store).info(true);
                if (!info.integrityOk()) {
                    throw new OperationFailedException("integrity: " + info.integrity(), "ai-lab db restore FILE");
                }
            }).isInstanceOf(OperationFailedException.class).satisfies(e ->
                    assertThat(((OperationFailedException) e).hint()).contains("ai-lab db restore"));
        }
        Files.writeString(db, "this is not a database at all, just text that is long enough to be read as a header....");
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
        try (StoreFactory store = open()) {
            assertThatThrownBy(() -> new WorkItems(store).count())
                    .isInstanceOf(OperationFailedException.class).hasMessageContaining("damaged")
                    .satisfies(e -> assertThat(((OperationFailedException) e).hint()).contains("ai-lab db restore"));
        }
    }
}
