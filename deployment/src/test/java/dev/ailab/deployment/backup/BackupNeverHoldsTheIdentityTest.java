package dev.ailab.deployment.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.config.DeploymentConfig;
import dev.ailab.deployment.host.HostLayout;
import dev.ailab.deployment.secrets.AgeIdentity;
import dev.ailab.deployment.secrets.SecretStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule "a host backup never holds the age identity" belongs to the backup code, not to its
 * callers: whatever layout, secrets choice and output folder a caller passes, no byte of an
 * identity's secret key ends up in the archive.
 */
class BackupNeverHoldsTheIdentityTest {
    @TempDir
    Path tmp;
    Path base;
    final List<String> warnings = new ArrayList<>();
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws IOException {
        base = tmp.resolve("ai");
        Files.createDirectories(base.resolve("config"));
        Files.writeString(base.resolve("config/pod.yaml"), "pod: ai-agents\n");
    }

    private HostLayout standardLayout() {
        DeploymentConfig c = new DeploymentConfig();
        c.baseDir = base.toString();
        c.secretsDir = base + "/secrets";
        c.backupDir = base + "/backups";
        c.pod = "ai-agents";
        c.agents = List.of("claude");
        return HostLayout.of(c, Path::of);
    }

    private static HostLayout layout(Path base, Path secrets, Path identity) {
        return new HostLayout(base, secrets, base.resolve("backups"), identity, "ai-agents", List.of(), null);
    }

    /** Every combination a caller can ask for: with and without secrets, default and other output folder. */
    private List<Path> everyBackup(HostLayout layout) {
        List<Path> made = new ArrayList<>();
        Path elsewhere = tmp.resolve("elsewhere");
        for (boolean secrets : new boolean[] {false, true}) {
            for (Path out : new Path[] {null, elsewhere}) {
                made.add(new BackupWriter(layout, warnings::add, tick(), "test").create(secrets, out));
            }
        }
        made.add(new BackupService(layout, warnings::add, tick(), "test").create(true, null));
        return made;
    }

    private Clock tick() {
        clock = Clock.offset(clock, Duration.ofSeconds(1));
        return clock;
    }

    private static String secretKeyOf(String identityText) {
        return identityText.lines().filter(l -> l.startsWith("AGE-SECRET-KEY-")).findFirst().orElseThrow();
    }

    private static String writeIdentity(Path file) throws IOException {
        String text = AgeIdentity.generate().fileText(Instant.now());
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return secretKeyOf(text);
    }

    /** Names of the entries and the whole uncompressed tar stream. */
    private static List<String> entries(Path archive, ByteArrayOutputStream content) throws IOException {
        List<String> names = new ArrayList<>();
        byte[] raw;
        try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(archive))) {
            raw = in.readAllBytes();
        }
        content.write(raw);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(raw))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static void assertHoldsNone(List<Path> archives, List<String> keys, String... mustContain) throws IOException {
        for (Path archive : archives) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            List<String> names = entries(archive, content);
            String text = content.toString(StandardCharsets.ISO_8859_1);
            for (String key : keys) {
                assertThat(text.contains(key)).as("%s (entries %s) holds an identity's secret key", archive.getFileName(), names).isFalse();
            }
            assertThat(text.contains("AGE-SECRET-KEY-")).as("%s (entries %s) holds a secret key", archive.getFileName(), names).isFalse();
            assertThat(names).as(archive.toString()).contains(mustContain);
        }
    }

    @Test
    void theStandardLayoutLeavesOutTheIdentityItsRetiredCopiesAndHardLinksToIt() throws Exception {
        HostLayout layout = standardLayout();
        SecretStore store = new SecretStore(layout.secretsDir(), layout.identityFile(), warnings::add, clock);
        store.init();
        String first = secretKeyOf(Files.readString(layout.identityFile()));
        store.set("claude", new ByteArrayInputStream("value".getBytes(StandardCharsets.UTF_8)), List.of(), false);
        store.rotate(true, null); // keeps the first identity as age/identity-<time>.retired
        String second = secretKeyOf(Files.readString(layout.identityFile()));
        Files.createLink(base.resolve("config/key.txt"), layout.identityFile());

        assertHoldsNone(everyBackup(layout), List.of(first, second), "config/pod.yaml");
        assertHoldsNone(List.of(new BackupWriter(layout, warnings::add, tick(), "test").create(true, null)), List.of(first, second),
                "secrets/claude.age");
    }

    @Test
    void anIdentityKeptInTheBaseFolderItselfIsLeftOutButNothingElse() throws Exception {
        Path identity = base.resolve("identity.txt");
        String key = writeIdentity(identity);
        String retired = writeIdentity(base.resolve("identity-20261122T090000Z.retired"));
        assertHoldsNone(everyBackup(layout(base, base.resolve("secrets"), identity)), List.of(key, retired), "config/pod.yaml");
    }

    @Test
    void anIdentityInsideTheSecretsFolderIsLeftOutEvenWhenSecretsAreIncluded() throws Exception {
        Path secrets = base.resolve("secrets");
        String key = writeIdentity(secrets.resolve("host.age"));
        assertHoldsNone(everyBackup(layout(base, secrets, secrets.resolve("host.age"))), List.of(key), "config/pod.yaml");
    }

    @Test
    void otherSpellingsOfTheIdentityPathDoNotLetItIn() throws Exception {
        String key = writeIdentity(base.resolve("age/identity.txt"));
        // Not normalized, and relative to the working folder.
        Path relative = Path.of(".").resolve(Path.of("").toAbsolutePath().relativize(base.resolve("age/identity.txt")));
        Path odd = relative.getParent().resolve("./../age/identity.txt");
        assertHoldsNone(everyBackup(layout(base, base.resolve("secrets"), odd)), List.of(key), "config/pod.yaml");
        // The identity's folder reached through a link outside the base folder.
        Path keys = Files.createSymbolicLink(tmp.resolve("keys"), base.resolve("age"));
        assertHoldsNone(everyBackup(layout(base, base.resolve("secrets"), keys.resolve("identity.txt"))), List.of(key),
                "config/pod.yaml");
    }
}
