package dev.ailab.deployment.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {
    @TempDir
    Path base;
    SecretStore store;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new SecretStore(base.resolve("secrets"), base.resolve("age/identity.txt"), warnings::add);
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private String get(String agent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.get(agent, out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void initCreatesOwnerOnlyIdentityAndRefusesToReplaceIt() throws Exception {
        AgeIdentity id = store.init();
        assertThat(Permissions.mode(store.identityFile())).isEqualTo("0600");
        assertThat(Permissions.mode(store.secretsDir())).isEqualTo("0700");
        assertThat(Files.readString(store.identityFile())).contains("# public key: " + id.recipient()).contains("AGE-SECRET-KEY-1");
        assertThat(id.toString()).doesNotContain("AGE-SECRET-KEY");
        byte[] before = Files.readAllBytes(store.identityFile());
        assertThatThrownBy(store::init).isInstanceOf(OperationFailedException.class).hasMessageContaining("already exists");
        assertThat(Files.readAllBytes(store.identityFile())).isEqualTo(before);
    }

    @Test
    void setThenGetRoundTripsAndStoresOnlyCiphertextWithMode0600() throws Exception {
        store.init();
        SecretInfo info = store.set("claude", in("sk-ant-very-secret\n"), List.of(), false);
        assertThat(info.mode()).isEqualTo("0600");
        assertThat(info.armored()).isFalse();
        byte[] file = Files.readAllBytes(store.secretFile("claude"));
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).startsWith("age-encryption.org/v1").doesNotContain("sk-ant-very-secret");
        assertThat(get("claude")).isEqualTo("sk-ant-very-secret");
        store.set("grok", in("line1\nline2\r\n"), List.of(), true);
        assertThat(get("grok")).isEqualTo("line1\nline2");
        assertThat(store.list()).extracting(SecretInfo::agent).containsExactly("claude", "grok");
        assertThat(store.list().get(1).armored()).isTrue();
        // Only the newline at the very end is dropped, never one inside or a second one.
        store.set("gemini", in("abc\n\n"), List.of(), false);
        assertThat(get("gemini")).isEqualTo("abc\n");
    }

    @Test
    void largeSecretStreamsThrough() throws Exception {
        store.init();
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(5).nextBytes(big);
        big[big.length - 1] = 'x';
        store.set("claude", new ByteArrayInputStream(big), List.of(), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.get("claude", out, null);
        assertThat(out.toByteArray()).isEqualTo(big);
    }

    @Test
    void emptySecretIsRefusedAndNothingWritten() throws Exception {
        store.init();
        store.set("claude", in("old-value"), List.of(), false);
        byte[] before = Files.readAllBytes(store.secretFile("claude"));
        assertThatThrownBy(() -> store.set("claude", in("\n"), List.of(), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThat(Files.readAllBytes(store.secretFile("claude"))).isEqualTo(before);
        try (var files = Files.list(store.secretsDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("claude.age");
        }
    }

    @Test
    void badAgentNamesAndRecipientsAreRefused() {
        store.init();
        for (String bad : new String[] {"../x", "-rf", "Claude", "a/b", "", "a..b"}) {
            assertThatThrownBy(() -> store.set(bad, in("v"), List.of(), false)).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> store.set("claude", in("v"), List.of("age1notreally"), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an age X25519 recipient");
        assertThat(store.secretFile("claude")).doesNotExist();
    }

    @Test
    void extraRecipientCanDecryptToo() throws Exception {
        store.init();
        AgeIdentity admin = AgeIdentity.generate();
        Path adminKey = base.resolve("admin.txt");
        Files.writeString(adminKey, admin.fileText(Instant.now()));
        store.set("claude", in("shared"), List.of(admin.recipient()), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.get("claude", out, adminKey);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("shared");
    }

    @Test
    void missingIdentityIsAClearError() {
        assertThatThrownBy(() -> store.set("claude", in("v"), List.of(), false))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("no age identity")
                .satisfies(e -> assertThat(((OperationFailedException) e).hint()).contains("secrets init"));
    }

    @Test
    void wrongIdentityIsReportedAndNothingIsWritten() throws Exception {
        store.init();
        store.set("claude", in("v1"), List.of(), false);
        Files.writeString(store.identityFile(), AgeIdentity.generate().fileText(Instant.now()));
        List<SecretCheck> checks = store.verify(List.of("claude"), false);
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(SecretCheck.Status.undecryptable);
            assertThat(c.message()).contains("wrong identity");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> store.get("claude", out, null)).isInstanceOf(OperationFailedException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void damagedIdentityFileIsInvalidInputWithoutEchoingTheKey() throws Exception {
        store.init();
        String text = Files.readString(store.identityFile());
        String damaged = text.replace("AGE-SECRET-KEY-1", "AGE-SECRET-KEY-1QQ");
        Files.writeString(store.identityFile(), damaged);
        assertThatThrownBy(store::loadIdentity).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("damaged").hasMessageNotContaining("AGE-SECRET-KEY-1QQ");
    }

    @Test
    void tamperedOrTruncatedSecretIsFound() throws Exception {
        store.init();
        store.set("claude", in("value-one"), List.of(), false);
        store.set("grok", in("value-two"), List.of(), false);
        Path claude = store.secretFile("claude");
        byte[] bytes = Files.readAllBytes(claude);
        bytes[bytes.length - 5] ^= 0x01;
        Files.write(claude, bytes);
        Path grok = store.secretFile("grok");
        byte[] g = Files.readAllBytes(grok);
        Files.write(grok, java.util.Arrays.copyOf(g, g.length - 10));
        List<SecretCheck> checks = store.verify(List.of("claude", "grok", "gemini"), false);
        assertThat(checks).extracting(SecretCheck::status).containsExactly(
                SecretCheck.Status.undecryptable, SecretCheck.Status.undecryptable, SecretCheck.Status.missing);
    }

    @Test
    void loosePermissionsAreWarnedAndFixedOnlyWithFix() throws Exception {
        store.init();
        store.set("claude", in("v"), List.of(), false);
        Files.setPosixFilePermissions(store.secretFile("claude"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(store.identityFile(), PosixFilePermissions.fromString("rw-r-----"));
        List<SecretCheck> checks = store.verify(List.of("claude"), false);
        assertThat(checks.get(0).status()).isEqualTo(SecretCheck.Status.loose_permissions);
        assertThat(checks.get(0).message()).contains("0644");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("identity").contains("0640"));
        assertThat(Permissions.mode(store.secretFile("claude"))).isEqualTo("0644");
        checks = store.verify(List.of("claude"), true);
        assertThat(checks.get(0).ok()).isTrue();
        assertThat(checks.get(0).fixed()).isTrue();
        assertThat(Permissions.mode(store.secretFile("claude"))).isEqualTo("0600");
        assertThat(Permissions.mode(store.identityFile())).isEqualTo("0600");
    }

    @Test
    void rotateToNewIdentityReencryptsEverythingAndKeepsTheOldKey() throws Exception {
        AgeIdentity old = store.init();
        store.set("claude", in("c-secret"), List.of(), false);
        store.set("grok", in("g-secret"), List.of(), true);
        Path oldKey = base.resolve("old.txt");
        Files.copy(store.identityFile(), oldKey);
        RotateResult result = store.rotate(true, null);
        assertThat(result.agents()).containsExactly("claude", "grok");
        assertThat(result.recipient()).isNotEqualTo(old.recipient());
        assertThat(get("claude")).isEqualTo("c-secret");
        assertThat(get("grok")).isEqualTo("g-secret");
        assertThat(store.list().get(1).armored()).isTrue();
        assertThat(store.verify(List.of("claude"), false, oldKey).get(0).status()).isEqualTo(SecretCheck.Status.undecryptable);
        assertThat(Path.of(result.retiredIdentity())).hasSameTextualContentAs(oldKey);
        assertThat(Permissions.mode(Path.of(result.retiredIdentity()))).isEqualTo("0600");
        try (var files = Files.list(store.secretsDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("claude.age", "grok.age");
        }
    }

    @Test
    void rotateToRecipientSetWritesRecipientsFile() throws Exception {
        store.init();
        store.set("claude", in("c-secret"), List.of(), false);
        AgeIdentity admin = AgeIdentity.generate();
        Path adminKey = base.resolve("admin.txt");
        Files.writeString(adminKey, admin.fileText(Instant.now()));
        store.rotate(false, List.of(admin.recipient()));
        assertThat(store.extraRecipients()).containsExactly(admin.recipient());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.get("claude", out, adminKey);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("c-secret");
    }

    @Test
    void rotateWithOneDamagedSecretChangesNothing() throws Exception {
        store.init();
        store.set("claude", in("c-secret"), List.of(), false);
        store.set("grok", in("g-secret"), List.of(), false);
        byte[] g = Files.readAllBytes(store.secretFile("grok"));
        g[g.length - 3] ^= 0x40;
        Files.write(store.secretFile("grok"), g);
        byte[] claudeBefore = Files.readAllBytes(store.secretFile("claude"));
        byte[] idBefore = Files.readAllBytes(store.identityFile());
        assertThatThrownBy(() -> store.rotate(true, null)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("grok").hasMessageContaining("nothing was changed");
        assertThat(Files.readAllBytes(store.secretFile("claude"))).isEqualTo(claudeBefore);
        assertThat(Files.readAllBytes(store.secretFile("grok"))).isEqualTo(g);
        assertThat(Files.readAllBytes(store.identityFile())).isEqualTo(idBefore);
        try (var files = Files.list(store.secretsDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("claude.age", "grok.age");
        }
        assertThat(Set.copyOf(store.storedAgents())).containsExactlyInAnyOrder("claude", "grok");
    }
}
