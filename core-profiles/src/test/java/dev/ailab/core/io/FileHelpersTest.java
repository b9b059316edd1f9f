package dev.ailab.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileHelpersTest {
    @TempDir
    Path tmp;

    @Test
    void deleteRemovesReadOnlyFoldersAndNeverFollowsLinks() throws Exception {
        Path outside = Files.writeString(tmp.resolve("keep.txt"), "mine");
        Path tree = Files.createDirectories(tmp.resolve("tree/a/b"));
        Files.writeString(tree.resolve("f"), "x");
        Files.createSymbolicLink(tmp.resolve("tree/a/link"), outside);
        Files.createSymbolicLink(tmp.resolve("tree/dirlink"), tmp);
        Files.setPosixFilePermissions(tmp.resolve("tree/a"), PosixFilePermissions.fromString("r-x------"));

        FileTrees.delete(tmp.resolve("tree"));

        assertThat(tmp.resolve("tree")).doesNotExist();
        assertThat(outside).hasContent("mine");
    }

    @Test
    void deleteOfAMissingFolderIsNothing() {
        FileTrees.delete(tmp.resolve("nope"));
        FileTrees.deleteQuietly(null);
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void sha256MatchesTheStandardVectors() throws Exception {
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(abc);
        assertThat(Sha256.ofStream(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(abc);
        Path file = Files.write(tmp.resolve("big"), new byte[200_000]);
        assertThat(Sha256.ofFile(file)).isEqualTo(Sha256.of(new byte[200_000])).hasSize(64);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "a/b/c.txt | null",
        "/etc/passwd | absolute path",
        "\\\\server\\share | absolute path",
        "C:/Windows | absolute path",
        "a/../../x | '..' in path",
        "..\\x | '..' in path",
        "'' | empty path",
    })
    void unsafeNames(String name, String why) {
        assertThat(ArchivePaths.unsafeName(name)).isEqualTo(why);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a/link | b | false",
        "a/link | ../b | false",
        "a/link | ../../b | true",
        "link | /etc/passwd | true",
        "a/b/link | ../../../.. | true",
    })
    void linksThatLeaveTheRoot(String entry, String target, boolean leaves) {
        assertThat(ArchivePaths.linkLeaves(entry, target)).isEqualTo(leaves);
    }

    @Test
    void resolveInsideRefusesAWriteThroughAnEarlierLink() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("sneaky"), elsewhere);
        assertThat(ArchivePaths.resolveInside(root, "ok/file")).isEqualTo(root.resolve("ok/file"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArchivePaths.resolveInside(root, "sneaky/file"))
                .hasMessageContaining("through a link");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArchivePaths.resolveInside(root, "x/../../y"))
                .hasMessageContaining("outside");
    }
}
