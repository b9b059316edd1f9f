package dev.ailab.sources.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokens file: its line format and the rule that it must be private (0600). */
class CredentialsFileTest {
    @TempDir
    Path tmp;
    CredentialsFile credentials;

    @BeforeEach
    void setUp() {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX file modes");
        credentials = CredentialsFile.in(tmp.resolve("config"));
    }

    void write(String content, String mode) throws Exception {
        Files.createDirectories(credentials.file().getParent());
        Files.writeString(credentials.file(), content);
        Files.setPosixFilePermissions(credentials.file(), PosixFilePermissions.fromString(mode));
    }

    @Test
    void livesUnderTheConfigFolder() {
        assertThat(credentials.file()).isEqualTo(tmp.resolve("config/ai-config/credentials"));
    }

    @Test
    void hostTokenAndHostUserTokenLines() throws Exception {
        write("""
                # host token, or host user token
                git.example.org   tok-1
                GitLab.Example.com\talice  tok-2 trailing
                broken-line-without-token
                """, "rw-------");
        assertThat(credentials.find("https://git.example.org/team/lib.git"))
                .isEqualTo(new CredentialsFile.Credential("git", "tok-1"));
        assertThat(credentials.find("https://gitlab.example.com/x.git"))
                .isEqualTo(new CredentialsFile.Credential("alice", "tok-2"));
        assertThat(credentials.find("https://other.example.net/x.git")).isNull();
        assertThat(credentials.find("https://broken-line-without-token/x.git")).isNull();
    }

    @Test
    void theFirstLineForAHostWinsAndCommentsAreSkipped() throws Exception {
        write("#git.example.org commented-out\n  # git.example.org also-commented\n"
                + "git.example.org first\ngit.example.org second\n", "rw-------");
        assertThat(credentials.find("https://git.example.org/lib.git").token()).isEqualTo("first");
    }

    @Test
    void nothingForAMissingFileOrAUrlWithoutHost() throws Exception {
        assertThat(credentials.find("https://git.example.org/lib.git")).isNull();
        write("git.example.org tok\n", "rw-------");
        assertThat(credentials.find("git@git.example.org:team/lib.git")).isNull();
        assertThat(credentials.find("/srv/git/lib.git")).isNull();
        assertThat(credentials.find("not a url")).isNull();
    }

    @Test
    void aFileOthersOrTheGroupMayReadIsRefused() throws Exception {
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw----r--"}) {
            write("git.example.org tok\n", mode);
            assertThatThrownBy(() -> credentials.find("https://git.example.org/lib.git"))
                    .as(mode)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
                        assertThat(e.getMessage()).contains("readable by other users").doesNotContain("tok\n");
                        assertThat(e.hint()).isEqualTo("chmod 600 " + credentials.file());
                    });
        }
    }

    @Test
    void modeSixHundredIsAccepted() throws Exception {
        write("git.example.org tok\n", "rw-------");
        assertThat(credentials.find("https://git.example.org/lib.git").token()).isEqualTo("tok");
        // writing by the group is not reading: today's rule only looks at read bits
        write("git.example.org tok\n", "rw--w----");
        assertThat(credentials.find("https://git.example.org/lib.git").token()).isEqualTo("tok");
    }

    @Test
    void theTokenIsNotPrinted() {
        assertThat(new CredentialsFile.Credential("alice", "tok-secret").toString()).doesNotContain("tok-secret");
    }
}
