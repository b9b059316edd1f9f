package dev.ailab.sources.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryIndexTest {
    @TempDir
    Path tmp;
    Path lib;
    Path personal;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        lib = tmp.resolve("library");
        personal = tmp.resolve("personal");
        Files.createDirectories(lib.resolve("a/b"));
        Files.createDirectories(lib.resolve(".git"));
        Files.createDirectories(personal);
        Files.writeString(lib.resolve("a/one.md"), "one\n");
        Files.writeString(lib.resolve("a/b/two.md"), "two\n");
        Files.writeString(lib.resolve(".git/config"), "ignored\n");
        Files.writeString(personal.resolve("p.md"), "p\n");
        file = tmp.resolve("index.bin");
    }

    @Test
    void unchangedFilesAreNeitherReReadNorReHashed() throws Exception {
        LibraryIndex index = LibraryIndex.load(file);
        assertThat(index.refresh(lib, personal).added()).isEqualTo(3);
        String hash = index.hash(false, lib, "a/one.md");
        assertThat(hash).isEqualTo(LibraryIndex.blobHash("one\n".getBytes()));
        index.saveIfChanged();

        // same size and time, different bytes: the index trusts its key and does not read the file
        FileTime time = Files.getLastModifiedTime(lib.resolve("a/one.md"));
        Files.writeString(lib.resolve("a/one.md"), "ONE\n");
        Files.setLastModifiedTime(lib.resolve("a/one.md"), time);
        LibraryIndex again = LibraryIndex.load(file);
        LibraryIndex.Refresh r = again.refresh(lib, personal);
        assertThat(r.fresh()).isTrue();
        assertThat(again.hash(false, lib, "a/one.md")).isEqualTo(hash);

        // an in-place edit leaves the folder's time alone: a names-only refresh keeps the entry,
        // and hash() notices the new size and time with one stat
        again.saveIfChanged();
        Files.writeString(lib.resolve("a/b/two.md"), "two, longer\n");
        LibraryIndex third = LibraryIndex.load(file);
        assertThat(third.refresh(lib, personal, true).fresh()).isTrue();
        assertThat(third.hash(false, lib, "a/b/two.md")).isEqualTo(LibraryIndex.blobHash("two, longer\n".getBytes()));

        // a real change (new time) is noticed and hashed again
        Files.setLastModifiedTime(lib.resolve("a/one.md"), FileTime.fromMillis(time.toMillis() + 5000));
        LibraryIndex.Refresh changed = again.refresh(lib, personal);
        assertThat(changed.changed()).isEqualTo(2); // one.md (new time) and two.md (edited above)
        assertThat(again.hash(false, lib, "a/one.md")).isEqualTo(LibraryIndex.blobHash("ONE\n".getBytes()));
    }

    @Test
    void namesOnlyRefreshSkipsUnchangedFoldersButSeesNewAndRemovedFiles() throws Exception {
        LibraryIndex index = LibraryIndex.load(file);
        index.refresh(lib, personal);
        index.saveIfChanged();
        assertThat(index.library()).containsOnlyKeys("a/one.md", "a/b/two.md");

        Files.writeString(lib.resolve("a/b/three.md"), "3\n");
        Files.delete(lib.resolve("a/one.md"));
        Files.createDirectories(personal.resolve("new"));
        Files.writeString(personal.resolve("new/x.md"), "x\n");
        LibraryIndex again = LibraryIndex.load(file);
        LibraryIndex.Refresh r = again.refresh(lib, personal, true);
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.removed()).isEqualTo(1);
        assertThat(again.library()).containsOnlyKeys("a/b/two.md", "a/b/three.md");
        assertThat(again.personal()).containsOnlyKeys("p.md", "new/x.md");
    }

    @Test
    void aDamagedIndexIsRebuilt() throws Exception {
        Files.writeString(file, "garbage");
        LibraryIndex index = LibraryIndex.load(file);
        assertThat(index.existed()).isFalse();
        assertThat(index.refresh(lib, personal).files()).isEqualTo(3);
    }
}
