package dev.ailab.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** File errors in words a person can act on, never the JDK's own ("Input length = 1"). */
class IoMessagesTest {
    @Test
    void theJdksMessagesAreWordedForPeople() {
        assertThat(IoMessages.describe(new NoSuchFileException("/x/y"))).isEqualTo("no such file or folder");
        assertThat(IoMessages.describe(new AccessDeniedException("/x/y"))).isEqualTo("permission denied");
        assertThat(IoMessages.describe(new MalformedInputException(1))).isEqualTo("not UTF-8 text (is it a binary file?)");
        assertThat(IoMessages.describe(new ZipException("Not in GZIP format"))).isEqualTo("not a gzip file");
        assertThat(IoMessages.describe(new EOFException("Unexpected end of ZLIB input stream")))
                .isEqualTo("the file ends too early (truncated)");
        assertThat(IoMessages.describe(new FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("no space left on the disk");
        assertThat(IoMessages.describe(new IOException("something odd"))).isEqualTo("something odd");
        assertThat(IoMessages.hint(new MalformedInputException(1))).contains("UTF-8 text");
        assertThat(IoMessages.hint(new NoSuchFileException("/x"))).isEqualTo("check the path");
    }

    @Test
    void aMessageEndingInTheRawTextIsReworded() {
        MalformedInputException e = new MalformedInputException(1);
        assertThat(IoMessages.reword("cannot read items.csv: " + e.getMessage(), e))
                .isEqualTo("cannot read items.csv: not UTF-8 text (is it a binary file?)");
        assertThat(IoMessages.reword("cannot write x", e)).isEqualTo("cannot write x");
    }
}
