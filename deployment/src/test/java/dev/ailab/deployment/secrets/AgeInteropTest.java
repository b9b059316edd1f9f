package dev.ailab.deployment.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.testing.RequiredTool;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our age files against the real {@code age} command, both ways, binary and armored. */
class AgeInteropTest {
    @TempDir
    Path dir;
    Path age;

    @BeforeEach
    void needAge() {
        age = RequiredTool.onPath("age");
    }

    private static byte[] data(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private byte[] run(List<String> command, byte[] stdin) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        Thread feeder = new Thread(() -> {
            try (var out = p.getOutputStream()) {
                out.write(stdin);
            } catch (IOException ignored) {
                // the process may close early on error
            }
        });
        feeder.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        feeder.join();
        assertThat(p.exitValue()).as("age failed: " + err).isZero();
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void encryptedHereDecryptsWithAge(boolean armor) throws Exception {
        AgeIdentity id = AgeIdentity.generate();
        Path key = dir.resolve("identity.txt");
        Files.writeString(key, id.fileText(Instant.now()));
        byte[] plain = data(200_000, 1);
        byte[] cipher = AgeCrypto.encrypt(plain, List.of(id.recipient()), armor);
        assertThat(new String(cipher, 0, 34, StandardCharsets.US_ASCII).startsWith("-----BEGIN AGE ENCRYPTED FILE-----")).isEqualTo(armor);
        Path file = dir.resolve("x.age");
        Files.write(file, cipher);
        byte[] back = run(List.of(age.toString(), "-d", "-i", key.toString(), file.toString()), new byte[0]);
        assertThat(back).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void encryptedByAgeDecryptsHere(boolean armor) throws Exception {
        // The identity comes from age-keygen, so the parser reads the real tool's file format too.
        Path keygen = RequiredTool.onPath("age", "age-keygen");
        Path key = dir.resolve("keys.txt");
        run(List.of(keygen.toString(), "-o", key.toString()), new byte[0]);
        AgeIdentity id = AgeIdentity.parse(Files.readString(key), key.toString());
        assertThat(Files.readString(key)).contains("# public key: " + id.recipient());
        byte[] plain = data(100_000, 2);
        List<String> cmd = new ArrayList<>(List.of(age.toString(), "-r", id.recipient()));
        if (armor) {
            cmd.add("-a");
        }
        Path file = dir.resolve("y.age");
        Files.write(file, run(cmd, plain));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        AgeCrypto.decrypt(file, id, Channels.newChannel(out));
        assertThat(out.toByteArray()).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void secretStoreFilesDecryptWithAgeUsingTheHostIdentity(boolean armor) throws Exception {
        SecretStore store = new SecretStore(dir.resolve("secrets"), dir.resolve("age/identity.txt"), w -> { });
        store.init();
        store.set("claude", new java.io.ByteArrayInputStream("sk-interop-123\n".getBytes(StandardCharsets.UTF_8)), List.of(), armor);
        byte[] back = run(List.of(age.toString(), "-d", "-i", store.identityFile().toString(),
                store.secretFile("claude").toString()), new byte[0]);
        assertThat(new String(back, StandardCharsets.UTF_8)).isEqualTo("sk-interop-123");
    }
}
