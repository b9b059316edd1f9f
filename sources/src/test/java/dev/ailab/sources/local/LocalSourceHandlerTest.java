package dev.ailab.sources.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.io.Sha256;
import dev.ailab.sources.SourceHandler.SourceRequest;
import dev.ailab.sources.SourceHandler.SourceRevision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local handler reads a folder or file in place, reports it, and never writes to it. */
class LocalSourceHandlerTest {
    @TempDir
    Path dir;

    @Test
    void aFolderIsReportedWithAStableDigestAndLeftUntouched() throws IOException {
        Path charts = Files.createDirectories(dir.resolve("charts"));
        Files.writeString(charts.resolve("qdrant-1.13.4.tgz"), "q");
        Files.createDirectories(charts.resolve("sub"));
        Files.writeString(charts.resolve("sub/cerbos-0.40.0.tgz"), "cc");
        FileTime before = Files.getLastModifiedTime(charts);
        LocalSourceHandler handler = new LocalSourceHandler();
        SourceRevision r = handler.materialize(new SourceRequest(charts.toString(), null, 0), dir.resolve("unused"));
        assertThat(r.bytes()).isEqualTo(3);
        assertThat(r.summary()).isEqualTo("2 files");
        assertThat(r.location()).isEqualTo(charts.toString());
        assertThat(handler.materialize(new SourceRequest(charts.toString(), null, 0), null).sha256()).isEqualTo(r.sha256());
        assertThat(dir.resolve("unused")).doesNotExist();
        assertThat(Files.getLastModifiedTime(charts)).isEqualTo(before);

        Files.writeString(charts.resolve("sub/cerbos-0.40.0.tgz"), "cd");
        assertThat(handler.materialize(new SourceRequest(charts.toString(), null, 0), null).sha256())
                .as("one changed byte changes the digest").isNotEqualTo(r.sha256());
    }

    @Test
    void aFileIsReportedByItsOwnDigestAndAMissingOneIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("lab.bundle"), "bundle");
        SourceRevision r = new LocalSourceHandler().materialize(new SourceRequest(file.toString(), null, 0), null);
        assertThat(r.sha256()).isEqualTo(Sha256.ofFile(file));
        assertThat(r.auditLine("local")).isEqualTo("local " + file + " 6 " + Sha256.ofFile(file));
        assertThatThrownBy(() -> new LocalSourceHandler().materialize(new SourceRequest(dir.resolve("nope").toString(), null, 0), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not found");
    }
}
