package dev.ailab.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.hub.NewWorkItem;
import dev.ailab.hub.StoreFactory;
import dev.ailab.hub.StoreSettings;
import dev.ailab.hub.WorkItems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite change signal on real files, for the cases a plain data_version check cannot see. */
class ChangeSignalTest {
    @TempDir
    Path dir;

    @Test
    void aFileRenamedOverTheDatabaseIsSeenAsAReplacedStore() throws Exception {
        Path db = dir.resolve("ai-lab.db");
        try (StoreFactory store = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + db))) {
            new WorkItems(store).add(NewWorkItem.of("first"));
            Path copy = dir.resolve("other.db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
                st.execute("VACUUM INTO '" + copy + "'");
            }
            try (ChangeSignal signal = ChangeSignal.of(store)) {
                assertThat(signal.await(0)).isFalse(); // the version to compare with
                assertThat(signal.await(50)).as("nothing changed yet").isFalse();
                // One rename, no moment without a file: the kept connection still reads the old inode,
                // whose data_version never moves again.
                Files.move(copy, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                assertThat(signal.await(10_000)).as("the replaced file is noticed").isTrue();
                assertThat(signal.takeReplaced()).isTrue();
                assertThat(signal.takeReplaced()).as("said once").isFalse();
                // Changes to the new file are followed from then on, and are not replacements.
                signal.await(0);
                try (StoreFactory other = StoreFactory.open(StoreSettings.of("jdbc:sqlite:" + db))) {
                    new WorkItems(other).add(NewWorkItem.of("second"));
                }
                assertThat(signal.await(10_000)).isTrue();
                assertThat(signal.takeReplaced()).isFalse();
            }
        }
    }
}
