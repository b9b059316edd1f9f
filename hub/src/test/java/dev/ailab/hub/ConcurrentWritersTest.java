package dev.ailab.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight OS processes add 200 work items each to one fresh SQLite file at the same time (they also
 * race to create and migrate it). Every process must succeed and exactly 1,600 rows must land.
 */
class ConcurrentWritersTest {
    @TempDir
    Path dir;

    @Test
    void eightProcessesAdd200ItemsEachWithoutAnError() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("shared.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path log = dir.resolve("writer-" + i + ".log");
            logs.add(log);
            processes.add(new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), ConcurrentAdder.class.getName(), url, "200", "w" + i)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("writer %d finished in time", i).isTrue();
            assertThat(p.exitValue()).as("writer %d exit code; output:%n%s", i, Files.readString(logs.get(i))).isZero();
        }
        try (StoreFactory store = StoreFactory.open(StoreSettings.of(url))) {
            WorkItems work = new WorkItems(store);
            assertThat(work.count()).isEqualTo(1600);
            for (int i = 0; i < 8; i++) {
                WorkFilter f = new WorkFilter();
                f.label = "w" + i;
                assertThat(work.list(f)).hasSize(200);
            }
            assertThat(store.schemaState().applied()).containsExactlyElementsOf(Migrations.KNOWN);
        }
    }
}
