package dev.ailab.deployment.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.testing.RequiredTool;
import dev.ailab.deployment.host.HostLayout;
import dev.ailab.deployment.secrets.Permissions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupServiceTest {
    @TempDir
    Path tmp;
    Path base;
    BackupService service;
    final List<String> warnings = new ArrayList<>();
    final AtomicLong now = new AtomicLong(Instant.parse("2026-11-22T10:00:00Z").toEpochMilli());

    @BeforeEach
    void setUp() throws IOException {
        base = tmp.resolve("ai");
        Files.createDirectories(base.resolve("config/agents"));
        Files.writeString(base.resolve("config/pod.yaml"), "pod: ai-agents\n");
        Files.writeString(base.resolve("config/agents/claude.env"), "MODEL=opus\n");
        Files.setPosixFilePermissions(base.resolve("config/agents/claude.env"), PosixFilePermissions.fromString("rw-r-----"));
        Files.createDirectories(base.resolve("state"));
        Files.write(base.resolve("state/data.bin"), bytes(300_000, 7));
        Files.writeString(base.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(base.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(base.resolve("current"), Path.of("config/pod.yaml"));
        Files.createSymbolicLink(base.resolve("escape"), Path.of("/etc/passwd"));
        Files.createDirectories(base.resolve("secrets"));
        Files.write(base.resolve("secrets/claude.age"), "age-encryption.org/v1\nciphertext".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(base.resolve("age"));
        Files.writeString(base.resolve("age/identity.txt"), "AGE-SECRET-KEY-1FAKE\n");
        service = newService(base.resolve("backups"));
    }

    private BackupService newService(Path backups) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        HostLayout layout = new HostLayout(base, base.resolve("secrets"), backups, base.resolve(HostLayout.IDENTITY), "ai-agents", List.of(), null);
        return new BackupService(layout, warnings::add, clock, "ai-lab test");
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        for (int i = 0; i < n; i += 3) {
            b[i] = 'a'; // partly compressible, like real data
        }
        return b;
    }

    @Test
    void createThenVerify() throws Exception {
        Path archive = service.create(false, null);
        assertThat(archive.getFileName().toString()).isEqualTo("ai-lab-backup-20261122T100000Z.tar.gz");
        assertThat(Permissions.mode(archive)).isEqualTo("0600");
        VerifyReport report = service.verify(archive);
        assertThat(report.problems()).isEmpty();
        assertThat(report.checksumFileChecked()).isTrue();
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("escape").contains("outside"));
    }

    @Test
    void gnuTarAndSha256sumReadTheArchiveAndItsChecksumFile() throws Exception {
        Path tar = RequiredTool.onPath("tar");
        Path sha = RequiredTool.onPath("sha256sum");
        Path archive = service.create(false, null);
        String[] listing = run(base.resolve("backups"), tar.toString(), "-tzvf", archive.toString());
        assertThat(listing[1]).as("GNU tar warnings").isEmpty();
        assertThat(listing[0]).contains("config/agents/claude.env").contains("-rw-r-----").contains("current -> config/pod.yaml")
                .doesNotContain("secrets/").doesNotContain("identity").doesNotContain("backups/").doesNotContain("escape");
        String[] check = run(base.resolve("backups"), sha.toString(), "-c", BackupService.checksumFile(archive).getFileName().toString());
        assertThat(check[0]).contains(": OK");
    }

    private static String[] run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return new String[] {out, err};
    }

    @Test
    void secretsOnlyWhenAskedAndNeverTheIdentity() {
        Path without = service.create(false, null);
        now.addAndGet(1000);
        Path with = service.create(true, null);
        BackupSummary a = service.info(without);
        BackupSummary b = service.info(with);
        assertThat(a.includesSecrets()).isFalse();
        assertThat(a.contents()).containsOnlyKeys("config/", "state/", "run.sh", "current");
        assertThat(b.includesSecrets()).isTrue();
        assertThat(b.contents()).containsKey("secrets/").doesNotContainKey("age/");
        assertThat(b.contents().get("state/").bytes()).isEqualTo(300_000);
        assertThat(service.list()).extracting(BackupSummary::name).containsExactly(with.getFileName().toString(), without.getFileName().toString());
        assertThat(service.lastBackupTime()).isEqualTo(Instant.parse("2026-11-22T10:00:01Z"));
    }

    @Test
    void aFlippedByteAnywhereIsFound() throws Exception {
        Path archive = service.create(false, null);
        byte[] good = Files.readAllBytes(archive);
        int step = Math.max(1, good.length / 60);
        for (int pos = 0; pos < good.length; pos += step) {
            assertFlipFound(archive, good, pos);
        }
        assertFlipFound(archive, good, good.length - 1);
        assertFlipFound(archive, good, good.length - 8); // gzip CRC in the trailer
    }

    private void assertFlipFound(Path archive, byte[] good, int pos) throws IOException {
        byte[] bad = good.clone();
        bad[pos] ^= 0x01;
        Files.write(archive, bad);
        VerifyReport r;
        try {
            r = service.verify(archive);
        } catch (InvalidInputException | OperationFailedException e) {
            return; // a damaged manifest is reported as an error: found too
        }
        assertThat(r.ok()).as("flip at byte %d of %d went unnoticed", pos, good.length).isFalse();
        Files.write(archive, good);
    }

    @Test
    void withoutTheChecksumFileTheManifestStillCatchesContentDamage() throws Exception {
        Path archive = service.create(false, null);
        Files.delete(BackupService.checksumFile(archive));
        byte[] good = Files.readAllBytes(archive);
        // Beyond the 10-byte gzip header (whose time and OS fields gzip itself does not protect).
        int step = Math.max(1, good.length / 40);
        for (int pos = 10; pos < good.length; pos += step) {
            assertFlipFound(archive, good, pos);
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("no checksum file"));
    }

    @Test
    void truncatedArchivesAreReportedNotThrown() throws Exception {
        Path archive = service.create(false, null);
        byte[] good = Files.readAllBytes(archive);
        for (int len : new int[] {good.length - 1, good.length - 9, good.length / 2, 200, 30}) {
            Files.write(archive, java.util.Arrays.copyOf(good, len));
            try {
                VerifyReport r = service.verify(archive);
                assertThat(r.ok()).as("truncated to %d", len).isFalse();
            } catch (OperationFailedException e) {
                assertThat(e.getMessage()).contains("truncated or corrupt");
            }
        }
        Files.write(archive, new byte[0]);
        assertThatThrownBy(() -> service.restore(archive, null, false)).isInstanceOf(OperationFailedException.class);
    }

    @Test
    void restoreBringsBackContentAndModesAndKeepsWhatItReplaces() throws Exception {
        Path archive = service.create(true, null);
        Files.writeString(base.resolve("config/pod.yaml"), "pod: broken\n");
        Files.delete(base.resolve("config/agents/claude.env"));
        Files.writeString(base.resolve("config/new-file"), "added later\n");
        Files.writeString(base.resolve("age/identity.txt"), "AGE-SECRET-KEY-1CURRENT\n");

        RestoreReport dry = service.restore(archive, null, true);
        assertThat(dry.replaced()).contains("config/pod.yaml");
        assertThat(dry.created()).contains("config/agents/claude.env");
        assertThat(base.resolve("config/pod.yaml")).hasContent("pod: broken");

        RestoreReport r = service.restore(archive, null, false);
        assertThat(base.resolve("config/pod.yaml")).hasContent("pod: ai-agents");
        assertThat(base.resolve("config/agents/claude.env")).hasContent("MODEL=opus");
        assertThat(Permissions.mode(base.resolve("config/agents/claude.env"))).isEqualTo("0640");
        assertThat(Permissions.mode(base.resolve("run.sh"))).isEqualTo("0750");
        assertThat(base.resolve("state/data.bin")).hasBinaryContent(bytes(300_000, 7));
        assertThat(Files.readSymbolicLink(base.resolve("current"))).isEqualTo(Path.of("config/pod.yaml"));
        assertThat(base.resolve("config/new-file")).doesNotExist();
        // Kept aside, not lost; the identity and the backups were never touched.
        Path aside = Path.of(r.keptAside());
        assertThat(aside.resolve("config/pod.yaml")).hasContent("pod: broken");
        assertThat(aside.resolve("config/new-file")).hasContent("added later");
        assertThat(base.resolve("age/identity.txt")).hasContent("AGE-SECRET-KEY-1CURRENT");
        assertThat(archive).exists();
        try (var names = Files.list(base)) {
            assertThat(names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".restore-"))).isEmpty();
        }
        // A second restore of the same backup changes nothing.
        RestoreReport again = service.restore(archive, null, true);
        assertThat(again.replaced()).isEmpty();
        assertThat(again.created()).isEmpty();
    }

    @Test
    void restoreIntoAnEmptyTarget() throws Exception {
        Path archive = service.create(false, null);
        Path target = tmp.resolve("elsewhere");
        RestoreReport r = service.restore(archive, target, false);
        // Nothing was there to keep: the kept folder holds only the names an undo takes out again.
        assertThat(r.removed()).isEmpty();
        try (var kept = Files.list(Path.of(r.keptAside()))) {
            assertThat(kept.map(p -> p.getFileName().toString())).containsExactly(".restore-names");
        }
        assertThat(target.resolve("config/pod.yaml")).hasContent("pod: ai-agents");
        service.undoRestore(target, false, 1);
        try (var left = Files.list(target)) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith(".replaced-"));
        }
    }

    @Test
    void restoreListsWhatItRemovesKeepsItForUndoAndPrunesOlderKeptFolders() throws Exception {
        Path archive = service.create(false, null);
        Files.writeString(base.resolve("config/pod.yaml"), "pod: edited\n");
        Files.writeString(base.resolve("config/notes.txt"), "written after the backup\n");
        Files.createDirectories(base.resolve("state/cache"));
        Files.writeString(base.resolve("state/cache/blob"), "x".repeat(1000));

        // The plan names every file that leaves the live tree, not only what is replaced.
        RestoreReport plan = service.restore(archive, null, true);
        assertThat(plan.replaced()).containsExactly("config/pod.yaml");
        assertThat(plan.removed()).containsExactly("config/notes.txt", "state/cache/blob");
        assertThat(base.resolve("config/notes.txt")).exists();

        RestoreReport r = service.restore(archive, null, false);
        assertThat(r.removed()).isEqualTo(plan.removed());
        assertThat(base.resolve("config/notes.txt")).doesNotExist();
        Path kept = Path.of(r.keptAside());
        assertThat(kept.resolve("config/notes.txt")).hasContent("written after the backup");
        assertThat(r.keptAsideBytes()).isEqualTo(FileTreesSize.of(kept)).isGreaterThan(1000);

        // Undo puts the removed and replaced files back, and the restored ones aside in turn.
        RestoreReport undoPlan = service.undoRestore(null, true, 1);
        assertThat(undoPlan.created()).contains("config/notes.txt", "state/cache/blob");
        assertThat(undoPlan.replaced()).containsExactly("config/pod.yaml");
        now.addAndGet(1000);
        RestoreReport undone = service.undoRestore(null, false, 1);
        assertThat(base.resolve("config/pod.yaml")).hasContent("pod: edited");
        assertThat(base.resolve("config/notes.txt")).hasContent("written after the backup");
        assertThat(base.resolve("state/cache/blob")).exists();
        assertThat(kept).doesNotExist();
        assertThat(Path.of(undone.keptAside()).resolve("config/pod.yaml")).hasContent("pod: ai-agents");

        // Many restores leave only the newest kept folder (or as many as asked), each one reported with its size.
        List<RestoreReport.Kept> pruned = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            now.addAndGet(1000);
            Files.writeString(base.resolve("state/data.bin"), "changed " + i);
            pruned.addAll(service.restore(archive, null, false).pruned());
        }
        assertThat(pruned).hasSize(4).allMatch(k -> k.bytes() > 0 && !Files.exists(Path.of(k.path())));
        assertThat(keptFolders()).hasSize(1);
        now.addAndGet(1000);
        Files.writeString(base.resolve("state/data.bin"), "changed again");
        assertThat(service.restore(archive, null, false, 3).pruned()).isEmpty();
        assertThat(keptFolders()).hasSize(2);
        assertThatThrownBy(() -> service.restore(archive, null, false, 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void restoresWithinOneSecondKeepTheNewestFolderForUndo() throws Exception {
        Path archive = service.create(false, null);
        Files.writeString(base.resolve("config/pod.yaml"), "pod: first edit\n");
        service.restore(archive, null, false);
        service.undoRestore(null, false, 1);
        assertThat(base.resolve("config/pod.yaml")).hasContent("pod: first edit");
        Files.writeString(base.resolve("config/pod.yaml"), "pod: second edit\n");
        RestoreReport last = service.restore(archive, null, false);
        assertThat(Path.of(last.keptAside()).resolve("config/pod.yaml")).hasContent("pod: second edit");
        assertThat(keptFolders()).containsExactly(Path.of(last.keptAside()).getFileName().toString());
        service.undoRestore(null, false, 1);
        assertThat(base.resolve("config/pod.yaml")).hasContent("pod: second edit");
    }

    @Test
    void aStagingFolderLeftByAKilledRestoreIsRemovedByTheNextOne() throws Exception {
        Path archive = service.create(false, null);
        Path leftover = Files.createDirectories(base.resolve(".restore-20261101T000000Z/config"));
        Files.writeString(leftover.resolve("pod.yaml"), "half extracted");
        RestoreReport plan = service.restore(archive, null, true);
        assertThat(plan.cleaned()).containsExactly(leftover.getParent().toString());
        assertThat(leftover).exists();
        RestoreReport r = service.restore(archive, null, false);
        assertThat(r.cleaned()).containsExactly(leftover.getParent().toString());
        assertThat(leftover.getParent()).doesNotExist();
        assertThat(warnings).anyMatch(w -> w.contains("left by a restore that did not finish"));
    }

    @Test
    void undoWithoutARestoreSaysThereIsNothingToUndo() {
        assertThatThrownBy(() -> service.undoRestore(null, false, 1)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("no restore to undo");
    }

    private List<String> keptFolders() throws IOException {
        try (var names = Files.list(base)) {
            return names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".replaced-")).toList();
        }
    }

    /** Sums file sizes independently of the code under test. */
    private static final class FileTreesSize {
        static long of(Path dir) throws IOException {
            try (var walk = Files.walk(dir)) {
                long total = 0;
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        total += Files.size(p);
                    }
                }
                return total;
            }
        }
    }

    @Test
    void damagedBackupIsNotRestoredAndNothingChanges() throws Exception {
        Path archive = service.create(false, null);
        byte[] bad = Files.readAllBytes(archive);
        bad[bad.length / 2] ^= 0x10;
        Files.write(archive, bad);
        Files.writeString(base.resolve("config/pod.yaml"), "pod: current\n");
        assertThatThrownBy(() -> service.restore(archive, null, false))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("nothing was restored");
        assertThat(base.resolve("config/pod.yaml")).hasContent("pod: current");
        try (var names = Files.list(base)) {
            assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".re"));
        }
    }

    @Test
    void unknownFormatVersionIsRefused() throws Exception {
        Path archive = craft(tmp.resolve("future.tar.gz"), Map.of("format_version", 2), List.of());
        assertThatThrownBy(() -> service.verify(archive)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("format version 2");
        assertThatThrownBy(() -> service.restore(archive, tmp.resolve("t"), false)).isInstanceOf(InvalidInputException.class);
        assertThat(tmp.resolve("t")).doesNotExist();
        Path notOurs = tmp.resolve("plain.tar.gz");
        writeTarGz(notOurs, tar -> add(tar, file("hello.txt", "hi")));
        assertThatThrownBy(() -> service.info(notOurs)).isInstanceOf(InvalidInputException.class).hasMessageContaining("not an ai-lab backup");
    }

    @Test
    void unsafeEntriesAreRefusedOnVerifyAndRestore() throws Exception {
        List<TarArchiveEntry> evil = new ArrayList<>();
        evil.add(file("../outside.txt", "x"));
        evil.add(file("/tmp/abs.txt", "x"));
        TarArchiveEntry link = new TarArchiveEntry("link", TarConstants.LF_SYMLINK);
        link.setLinkName("../../etc");
        evil.add(link);
        TarArchiveEntry absLink = new TarArchiveEntry("abslink", TarConstants.LF_SYMLINK);
        absLink.setLinkName("/etc/passwd");
        evil.add(absLink);
        TarArchiveEntry dev = new TarArchiveEntry("dev", TarConstants.LF_CHR);
        dev.setDevMajor(1);
        dev.setDevMinor(3);
        evil.add(dev);
        TarArchiveEntry fifo = new TarArchiveEntry("fifo", TarConstants.LF_FIFO);
        evil.add(fifo);
        TarArchiveEntry hard = new TarArchiveEntry("hard", TarConstants.LF_LINK);
        hard.setLinkName("../x");
        evil.add(hard);
        for (TarArchiveEntry e : evil) {
            Path archive = craft(tmp.resolve("evil.tar.gz"), null, List.of(e));
            VerifyReport r = service.verify(archive);
            assertThat(r.problems()).as(e.getName()).anySatisfy(p -> assertThat(p).contains("refused"));
            Path target = tmp.resolve("restore-target");
            assertThatThrownBy(() -> service.restore(archive, target, false)).isInstanceOf(OperationFailedException.class);
            assertThat(target).doesNotExist();
            assertThat(tmp.resolve("outside.txt")).doesNotExist();
            assertThat(Path.of("/tmp/abs.txt")).doesNotExist();
        }
    }

    @Test
    void pruneKeepsTheNewest() throws Exception {
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(service.create(false, null));
            now.addAndGet(60_000);
        }
        assertThat(service.prune(2, true)).containsExactly(made.get(1), made.get(0));
        assertThat(made).allSatisfy(p -> assertThat(p).exists());
        List<Path> gone = service.prune(2, false);
        assertThat(gone).containsExactly(made.get(1), made.get(0));
        assertThat(made.get(0)).doesNotExist();
        assertThat(BackupService.checksumFile(made.get(0))).doesNotExist();
        assertThat(service.list()).hasSize(2);
        assertThatThrownBy(() -> service.prune(0, false)).isInstanceOf(InvalidInputException.class);
    }

    // ---- crafting archives by hand

    interface TarBody {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static void writeTarGz(Path file, TarBody body) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            body.write(tar);
        }
    }

    private static TarArchiveEntry file(String name, String content) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(content.length());
        e.setMode(0100644);
        return e;
    }

    private static void add(TarArchiveOutputStream tar, TarArchiveEntry e) throws IOException {
        tar.putArchiveEntry(e);
        if (e.isFile()) {
            tar.write("x".repeat((int) e.getSize()).getBytes(StandardCharsets.US_ASCII));
        }
        tar.closeArchiveEntry();
    }

    /** An archive whose manifest lists the entries faithfully, so only the safety rules can refuse them. */
    private Path craft(Path file, Map<String, Object> override, List<TarArchiveEntry> entries) throws Exception {
        BackupManifest m = new BackupManifest();
        m.formatVersion = 1;
        m.createdAt = "2026-11-22T10:00:00Z";
        for (TarArchiveEntry e : entries) {
            BackupManifest.Entry me = new BackupManifest.Entry();
            me.path = e.getName();
            me.type = e.isSymbolicLink() ? "symlink" : "file";
            me.mode = "0644";
            me.size = e.getSize();
            me.linkTarget = e.isSymbolicLink() ? e.getLinkName() : null;
            me.sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest("x".repeat((int) e.getSize()).getBytes(StandardCharsets.US_ASCII))).toString();
            m.entries.add(me);
        }
        byte[] json;
        if (override != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = ConfigMapper.json().convertValue(m, Map.class);
            tree.putAll(override);
            json = ConfigMapper.json().writeValueAsBytes(tree);
        } else {
            json = ConfigMapper.json().writeValueAsBytes(m);
        }
        writeTarGz(file, tar -> {
            TarArchiveEntry me = new TarArchiveEntry(BackupService.MANIFEST_ENTRY);
            me.setSize(json.length);
            tar.putArchiveEntry(me);
            tar.write(json);
            tar.closeArchiveEntry();
            for (TarArchiveEntry e : entries) {
                add(tar, e);
            }
        });
        return file;
    }

    @SuppressWarnings("unused")
    private static byte[] gunzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(b)).transferTo(out);
        return out.toByteArray();
    }
}
