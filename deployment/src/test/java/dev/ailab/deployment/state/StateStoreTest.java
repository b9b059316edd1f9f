package dev.ailab.deployment.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.OperationFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.FileTime;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    private static final String STATE = ".gen/state.json";

    @TempDir
    Path dir;

    private static SortedMap<String, byte[]> files(String... pathsAndContents) {
        SortedMap<String, byte[]> map = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            map.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return map;
    }

    private ApplyResult run(StateStore store, SortedMap<String, byte[]> wanted, String input, boolean force) {
        return store.apply(store.plan("gen", "1", input, wanted), force);
    }

    private String read(String path) throws IOException {
        return Files.readString(dir.resolve(path));
    }

    private void age(String... paths) throws IOException {
        for (String p : paths) {
            Files.setLastModifiedTime(dir.resolve(p), FileTime.fromMillis(1_000_000L));
        }
    }

    @Test
    void firstRunCreatesEverythingAndRecordsHashes() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        Plan plan = store.plan("gen", "1", "in1", files("a.txt", "A", "sub/b.txt", "B"));
        assertThat(plan.changes()).extracting(FileChange::action).containsExactly(FileAction.CREATE, FileAction.CREATE);
        assertThat(Files.exists(dir.resolve("a.txt"))).as("plan writes nothing").isFalse();
        ApplyResult r = store.apply(plan, false);
        assertThat(r.written()).containsExactly("a.txt", "sub/b.txt");
        assertThat(read("sub/b.txt")).isEqualTo("B");
        ManagedState state = store.current();
        assertThat(state.files()).containsEntry("a.txt", StateStore.sha256("A".getBytes(StandardCharsets.UTF_8)));
        assertThat(state.inputHash()).isEqualTo("in1");
        assertThat(store.upToDate("gen", "1", "in1")).isTrue();
        assertThat(store.upToDate("gen", "1", "in2")).isFalse();
        assertThat(store.upToDate("gen", "2", "in1")).isFalse();
    }

    @Test
    void scriptsAreWrittenExecutableAndMendedWhenAnOlderRunLeftThemPlain() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("deploy.sh", "#!/usr/bin/env bash\necho hi\n", "notes.txt", "#not a script"), "in", false);
        assertThat(Files.getPosixFilePermissions(dir.resolve("deploy.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(dir.resolve("notes.txt"))).doesNotContain(PosixFilePermission.OWNER_EXECUTE);

        Files.setPosixFilePermissions(dir.resolve("deploy.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        long mtime = Files.getLastModifiedTime(dir.resolve("deploy.sh")).toMillis();
        ApplyResult again = run(store, files("deploy.sh", "#!/usr/bin/env bash\necho hi\n", "notes.txt", "#not a script"), "in2", false);
        assertThat(again.written()).isEmpty();
        assertThat(Files.getPosixFilePermissions(dir.resolve("deploy.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getLastModifiedTime(dir.resolve("deploy.sh")).toMillis()).isEqualTo(mtime);
    }

    @Test
    void unchangedRerunWritesNothingNotEvenTheState() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("a.txt", "A", "b.txt", "B"), "in", false);
        age("a.txt", "b.txt", STATE);
        Plan plan = store.plan("gen", "1", "in", files("a.txt", "A", "b.txt", "B"));
        assertThat(plan.upToDate()).isTrue();
        ApplyResult r = store.apply(plan, false);
        assertThat(r.nothingWritten()).isTrue();
        assertThat(r.stateWritten()).isFalse();
        for (String p : new String[] {"a.txt", "b.txt", STATE}) {
            assertThat(Files.getLastModifiedTime(dir.resolve(p)).toMillis()).as(p).isEqualTo(1_000_000L);
        }
    }

    @Test
    void changedInputRewritesOnlyTheFilesThatDiffer() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("a.txt", "A", "b.txt", "B"), "in", false);
        age("a.txt", "b.txt");
        ApplyResult r = run(store, files("a.txt", "A", "b.txt", "B2"), "in2", false);
        assertThat(r.written()).containsExactly("b.txt");
        assertThat(Files.getLastModifiedTime(dir.resolve("a.txt")).toMillis()).isEqualTo(1_000_000L);
        assertThat(read("b.txt")).isEqualTo("B2");
    }

    @Test
    void staleFilesArePrunedOnlyWhenUntouched() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("keep.txt", "K", "old/x.txt", "X", "old/y.txt", "Y"), "in", false);
        Files.writeString(dir.resolve("old/y.txt"), "edited by hand");
        Plan plan = store.plan("gen", "1", "in2", files("keep.txt", "K"));
        assertThat(plan.changes()).extracting(FileChange::path, FileChange::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("keep.txt", FileAction.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple("old/x.txt", FileAction.DELETE),
                org.assertj.core.groups.Tuple.tuple("old/y.txt", FileAction.CONFLICT));
        ApplyResult r = store.apply(plan, false);
        assertThat(r.deleted()).containsExactly("old/x.txt");
        assertThat(r.conflictsKept()).containsExactly("old/y.txt");
        assertThat(read("old/y.txt")).isEqualTo("edited by hand");
        assertThat(store.current().files()).containsOnlyKeys("keep.txt");
        // no longer managed: the next run neither reports nor touches it
        assertThat(store.plan("gen", "1", "in2", files("keep.txt", "K")).upToDate()).isTrue();
    }

    @Test
    void emptyFoldersLeftByPruningAreRemoved() {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("keep.txt", "K", "deep/er/x.txt", "X"), "in", false);
        run(store, files("keep.txt", "K"), "in2", false);
        assertThat(Files.exists(dir.resolve("deep"))).isFalse();
    }

    @Test
    void handEditIsAConflictKeptUntilForced() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("a.txt", "A"), "in", false);
        Files.writeString(dir.resolve("a.txt"), "mine");
        Plan plan = store.plan("gen", "1", "in2", files("a.txt", "A2"));
        assertThat(plan.changes().get(0).action()).isEqualTo(FileAction.CONFLICT);
        ApplyResult kept = store.apply(plan, false);
        assertThat(kept.conflictsKept()).containsExactly("a.txt");
        assertThat(read("a.txt")).isEqualTo("mine");
        // still a conflict on the next run: the state remembers what we wrote, not the edit
        assertThat(store.plan("gen", "1", "in2", files("a.txt", "A2")).hasConflicts()).isTrue();
        ApplyResult forced = run(store, files("a.txt", "A2"), "in2", true);
        assertThat(forced.conflictsOverwritten()).containsExactly("a.txt");
        assertThat(read("a.txt")).isEqualTo("A2");
        assertThat(store.plan("gen", "1", "in2", files("a.txt", "A2")).upToDate()).isTrue();
    }

    @Test
    void preExistingFileWeNeverWroteIsAConflict() throws IOException {
        Files.writeString(dir.resolve("README.md"), "someone else's");
        StateStore store = new StateStore(dir, STATE);
        Plan plan = store.plan("gen", "1", "in", files("README.md", "ours"));
        assertThat(plan.changes().get(0).action()).isEqualTo(FileAction.CONFLICT);
        store.apply(plan, false);
        assertThat(read("README.md")).isEqualTo("someone else's");
        assertThat(store.current().files()).doesNotContainKey("README.md");
    }

    @Test
    void fileDeletedByHandIsRecreated() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("a.txt", "A"), "in", false);
        Files.delete(dir.resolve("a.txt"));
        assertThat(store.drift()).containsExactly("a.txt");
        assertThat(store.upToDate("gen", "1", "in")).isFalse();
        assertThat(run(store, files("a.txt", "A"), "in", false).written()).containsExactly("a.txt");
        assertThat(store.drift()).isEmpty();
    }

    @Test
    void crashBetweenFilesAndStateIsReconciledOnTheNextRun() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("a.txt", "A", "b.txt", "B", "c.txt", "C"), "in1", false);
        // second run dies after writing one file: the state still holds the first run's hashes
        FileOps crashing = new FileOps() {
            int writes;

            @Override
            public void write(Path file, byte[] content) {
                if (!file.toString().endsWith(".pending") && ++writes == 2) {
                    throw new IllegalStateException("injected crash");
                }
                FileOps.atomic().write(file, content);
            }

            @Override
            public void delete(Path file) {
                FileOps.atomic().delete(file);
            }
        };
        StateStore dying = new StateStore(dir, STATE, crashing).parallelism(1);
        assertThatThrownBy(() -> run(dying, files("a.txt", "A2", "b.txt", "B2", "c.txt", "C"), "in2", false))
                .hasMessageContaining("injected crash");
        assertThat(read("a.txt")).isEqualTo("A2");
        assertThat(read("b.txt")).isEqualTo("B");
        assertThat(store.interrupted()).isTrue();

        // going back to the first input must not call a.txt (written by the dead run) a hand edit
        Plan back = store.plan("gen", "1", "in1", files("a.txt", "A", "b.txt", "B", "c.txt", "C"));
        assertThat(back.recovered()).isTrue();
        assertThat(back.hasConflicts()).isFalse();
        assertThat(back.changes()).extracting(FileChange::action)
                .containsExactly(FileAction.UPDATE, FileAction.UNCHANGED, FileAction.UNCHANGED);
        ApplyResult r = store.apply(back, false);
        assertThat(r.written()).containsExactly("a.txt");
        assertThat(store.interrupted()).isFalse();
        assertThat(store.upToDate("gen", "1", "in1")).isTrue();
    }

    @Test
    void crashRecoveryStillSeesRealHandEdits() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("a.txt", "A"), "in1", false);
        Files.writeString(store.journalFile(), new String(StateStore.serialize(
                new ManagedState("gen", "1", "in2", new TreeMap<>(java.util.Map.of("a.txt", StateStore.sha256("A2".getBytes(StandardCharsets.UTF_8))))))));
        Files.writeString(dir.resolve("a.txt"), "neither");
        assertThat(store.plan("gen", "1", "in1", files("a.txt", "A")).hasConflicts()).isTrue();
    }

    @Test
    void unreadableStateIsAClearFailure() throws IOException {
        Files.createDirectories(dir.resolve(".gen"));
        Files.writeString(dir.resolve(STATE), "{ not json");
        StateStore store = new StateStore(dir, STATE);
        assertThatThrownBy(store::current).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("state.json");
    }

    @Test
    void pathsMayNotEscapeTheFolderOrHitTheState() {
        StateStore store = new StateStore(dir, STATE);
        assertThatThrownBy(() -> store.plan("gen", "1", "in", files("../x", "X"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.plan("gen", "1", "in", files("/etc/x", "X"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.plan("gen", "1", "in", files(STATE, "X"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parallelWritesProduceTheSameFolder() throws IOException {
        SortedMap<String, byte[]> many = new TreeMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("d" + (i % 7) + "/f" + i + ".txt", ("content " + i).getBytes(StandardCharsets.UTF_8));
        }
        StateStore store = new StateStore(dir, STATE);
        assertThat(store.apply(store.plan("gen", "1", "in", many), false).written()).hasSize(100);
        for (var e : many.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve(e.getKey()))).isEqualTo(e.getValue());
        }
        assertThat(store.upToDate("gen", "1", "in")).isTrue();
    }

    @Test
    void stateFileIsDeterministicAndSorted() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("z.txt", "Z", "a.txt", "A"), "in", false);
        String json = Files.readString(store.stateFile());
        assertThat(json.indexOf("\"a.txt\"")).isLessThan(json.indexOf("\"z.txt\""));
        assertThat(json).contains("\"generator_version\": \"1\"").doesNotContain("time");
    }

    @Test
    void notesRoundTripAndOddPathsSurviveTheJson() {
        StateStore store = new StateStore(dir, STATE);
        String odd = "dir/we\"ird n\u00e4me\t.txt";
        store.apply(store.plan("gen", "1", "in", files(odd, "X"), java.util.List.of("warning: \"quoted\"\nline")), false);
        ManagedState state = store.upToDateState("gen", "1", "in").orElseThrow();
        assertThat(state.notes()).containsExactly("warning: \"quoted\"\nline");
        assertThat(state.files()).containsOnlyKeys(odd);
    }

    @Test
    void keptConflictMeansNotUpToDate() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        run(store, files("a.txt", "A", "b.txt", "B"), "in", false);
        Files.writeString(dir.resolve("a.txt"), "mine");
        run(store, files("a.txt", "A", "b.txt", "B2"), "in2", false);
        assertThat(store.upToDate("gen", "1", "in2")).isFalse();
        assertThat(store.plan("gen", "1", "in2", files("a.txt", "A", "b.txt", "B2")).hasConflicts()).isTrue();
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
        StateStore store = new StateStore(dir, STATE);
        Files.createDirectories(store.lockFile().getParent());
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(store.lockFile(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = ch.lock()) {
            assertThat(held.isValid()).isTrue();
            Plan plan = store.plan("gen", "1", "in", files("a.txt", "A"));
            assertThatThrownBy(() -> store.apply(plan, false)).isInstanceOf(OperationFailedException.class)
                    .hasMessageContaining("another run is writing");
            assertThat(dir.resolve("a.txt")).doesNotExist();
        }
        assertThat(run(store, files("a.txt", "A"), "in", false).written()).containsExactly("a.txt");
    }
}
