package dev.ailab.sources.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.Sha256;
import dev.ailab.sources.SourceHandler.SourceRequest;
import dev.ailab.sources.SourceHandler.SourceRevision;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crafted-archive corpus: each bad archive is refused with its own message and nothing is
 * written outside (or inside) the target; good archives of every format unpack.
 */
class SafeExtractorTest {
    @TempDir
    Path tmp;
    Path target;
    Path outside;

    @BeforeEach
    void layout() throws IOException {
        target = tmp.resolve("work/target");
        outside = tmp.resolve("work");
        Files.createDirectories(outside);
    }

    private interface Entries {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private Path tarGz(String name, Entries entries) throws IOException {
        Path file = tmp.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            entries.write(tar);
        }
        return file;
    }

    private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream tar, String name, String to, byte type) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, type);
        e.setLinkName(to);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private String refused(Path archive) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new ArchiveSourceHandler()
                .materialize(new SourceRequest(archive.toString(), null, 0), target));
        assertThat(t).isInstanceOf(InvalidInputException.class);
        assertThat(target).doesNotExist();
        try (Stream<Path> left = Files.list(outside)) {
            assertThat(left.toList()).as("nothing left beside the target").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return t.getMessage();
    }

    @Test
    void absolutePathsAreRefused() throws IOException {
        assertThat(refused(tarGz("abs.tar.gz", tar -> {
            TarArchiveEntry e = new TarArchiveEntry("/tmp/evil", true);
            e.setSize(1);
            tar.putArchiveEntry(e);
            tar.write('x');
            tar.closeArchiveEntry();
        })))
                .contains("entry '/tmp/evil'", "absolute path");
    }

    @Test
    void dotDotIsRefused() throws IOException {
        assertThat(refused(tarGz("dots.tar.gz", tar -> {
            file(tar, "ok.txt", "fine");
            file(tar, "a/../../escape.txt", "x");
        }))).contains("entry 'a/../../escape.txt'", "'..' in path");
        assertThat(tmp.resolve("work/escape.txt")).doesNotExist();
    }

    @Test
    void aSymlinkOutwardIsRefused() throws IOException {
        assertThat(refused(tarGz("symout.tar.gz", tar -> link(tar, "etc", "../../../etc", TarConstants.LF_SYMLINK))))
                .contains("a symbolic link to '../../../etc', outside the target");
    }

    @Test
    void aFileThroughAnEarlierSymlinkIsRefused() throws IOException {
        assertThat(refused(tarGz("symthen.tar.gz", tar -> {
            link(tar, "sub", "inner", TarConstants.LF_SYMLINK);
            file(tar, "sub/passwd", "x");
        }))).contains("entry 'sub/passwd'", "written through the link 'sub'");
    }

    @Test
    void aHardLinkOutwardIsRefused() throws IOException {
        Files.writeString(tmp.resolve("secret"), "s");
        assertThat(refused(tarGz("hard.tar.gz", tar -> link(tar, "copy", "../../secret", TarConstants.LF_LINK))))
                .contains("a hard link to '../../secret', which is not a file earlier in the archive");
    }

    @Test
    void devicesAndFifosAreRefused() throws IOException {
        assertThat(refused(tarGz("dev.tar.gz", tar -> {
            TarArchiveEntry e = new TarArchiveEntry("null", TarConstants.LF_CHR);
            e.setDevMajor(1);
            e.setDevMinor(3);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        }))).contains("entry 'null'", "a device or FIFO");
        assertThat(refused(tarGz("fifo.tar.gz", tar -> {
            tar.putArchiveEntry(new TarArchiveEntry("pipe", TarConstants.LF_FIFO));
            tar.closeArchiveEntry();
        }))).contains("entry 'pipe'", "a device or FIFO");
    }

    /**
     * A 1 GB entry in an archive of about 1 MB. The header is written by hand and only the first
     * MB of data follows, so the test neither writes nor reads a gigabyte: the extractor must
     * judge the stated size before it writes.
     */
    @Test
    void aGigabyteEntryInAMegabyteArchiveIsRefusedBeforeItIsWritten() throws IOException {
        Path file = tmp.resolve("bomb.tar.gz");
        try (OutputStream raw = Files.newOutputStream(file); GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw)) {
            TarArchiveEntry e = new TarArchiveEntry("zeros.bin");
            e.setSize(1L << 30);
            byte[] header = new byte[512];
            e.writeEntryHeader(header);
            gz.write(header);
            byte[] chunk = new byte[64 * 1024];
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < 16; i++) {
                random.nextBytes(chunk); // incompressible, so the archive really is about 1 MB
                gz.write(chunk);
            }
        }
        assertThat(Files.size(file)).isBetween(1L << 19, 2L << 20);
        long started = System.nanoTime();
        assertThat(refused(file)).contains("entry 'zeros.bin'", "1073741824 bytes from an archive of",
                "more than 200 times its size");
        assertThat(System.nanoTime() - started).as("refused from the header").isLessThan(5_000_000_000L);
    }

    @Test
    void aStreamThatUnpacksFarBeyondItsSizeIsStoppedWhileWriting() throws IOException {
        // Zip states the sizes too, but a lying or absent size must not get past the running count.
        Path file = tmp.resolve("zeros.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            zip.putArchiveEntry(new ZipArchiveEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeArchiveEntry();
        }
        assertThat(refused(file)).contains("entry 'zeros.bin'", "times");
    }

    @Test
    void a100000EmptyEntriesArchiveIsRefusedAtTheEntryLimit() throws IOException {
        Path file = tarGz("many.tar.gz", tar -> {
            for (int i = 0; i < 100_000; i++) {
                TarArchiveEntry e = new TarArchiveEntry("e/" + i);
                e.setSize(0);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            }
        });
        assertThat(refused(file)).contains("more than 20000 entries");
    }

    @Test
    void goodArchivesOfEveryFormatUnpackAndReportTheirDigest() throws IOException {
        Path gz = tarGz("chart.tar.gz", tar -> {
            file(tar, "chart/Chart.yaml", "name: demo\n");
            link(tar, "chart/latest", "Chart.yaml", TarConstants.LF_SYMLINK);
            link(tar, "chart/copy.yaml", "chart/Chart.yaml", TarConstants.LF_LINK);
        });
        SourceRevision r = new ArchiveSourceHandler().materialize(SourceRequest.pinned(gz.toString(), Sha256.ofFile(gz)), target);
        assertThat(target.resolve("chart/Chart.yaml")).hasContent("name: demo");
        assertThat(target.resolve("chart/copy.yaml")).hasContent("name: demo");
        assertThat(Files.readSymbolicLink(target.resolve("chart/latest"))).isEqualTo(Path.of("Chart.yaml"));
        assertThat(r.sha256()).isEqualTo(Sha256.ofFile(gz));
        assertThat(r.bytes()).isEqualTo(Files.size(gz));
        assertThat(r.location()).isEqualTo(gz.toString());

        Path zst = tmp.resolve("chart.tar.zst");
        try (OutputStream raw = Files.newOutputStream(zst); ZstdCompressorOutputStream z = new ZstdCompressorOutputStream(raw);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(z)) {
            file(tar, "values.yaml", "replicas: 2\n");
        }
        new ArchiveSourceHandler().materialize(new SourceRequest(zst.toString(), null, 0), target);
        assertThat(target.resolve("values.yaml")).hasContent("replicas: 2");
        assertThat(target.resolve("chart")).as("the new content replaced the old as a whole").doesNotExist();

        Path zip = tmp.resolve("chart.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.putArchiveEntry(new ZipArchiveEntry("README.md"));
            out.write("# demo\n".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        new ArchiveSourceHandler().materialize(new SourceRequest(zip.toString(), null, 0), target);
        assertThat(target.resolve("README.md")).hasContent("# demo");
    }

    @Test
    void aWrongPinnedDigestUnpacksNothing() throws IOException {
        Path gz = tarGz("pinned.tar.gz", tar -> file(tar, "a.txt", "a"));
        assertThatThrownBy(() -> new ArchiveSourceHandler().materialize(SourceRequest.pinned(gz.toString(), "0".repeat(64)), target))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("expected " + "0".repeat(64));
        assertThat(target).doesNotExist();
    }
}
