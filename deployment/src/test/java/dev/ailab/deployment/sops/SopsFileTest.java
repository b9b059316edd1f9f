package dev.ailab.deployment.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.testing.RequiredTool;
import dev.ailab.deployment.secrets.AgeIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SOPS files as another implementation reads and writes them: our files decrypt under
 * sops-age (npm, run by Node), a file real sops wrote (sops-age's own test data) decrypts and
 * its MAC checks here, and every kind of tampering is caught by the GCM tags or the MAC.
 */
class SopsFileTest {
    private static final Path DATA = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("src/test/resources/sops-age");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String VALUE = "s3cr3t-value-\u00e9-with:colon";

    private final AgeIdentity cluster = AgeIdentity.generate();
    private final AgeIdentity admin = AgeIdentity.generate();

    @TempDir
    Path tmp;

    private static Map<String, Object> secret(String value) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "chroma-auth");
        metadata.put("namespace", "chroma");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("kind", "Secret");
        doc.put("metadata", metadata);
        doc.put("type", "Opaque");
        doc.put("stringData", new LinkedHashMap<>(Map.of("token", value)));
        return doc;
    }

    private String encrypted() {
        return SopsFile.encrypt(secret(VALUE), List.of(cluster.recipient(), admin.recipient()), SopsFile.SECRET_REGEX, NOW);
    }

    @Test
    void dataIsEncryptedMetadataIsClearAndEveryRecipientDecrypts() throws IOException {
        String text = encrypted();
        assertThat(text).doesNotContain(VALUE).contains("name: chroma-auth").contains("kind: Secret")
                .containsPattern("token: \"ENC\\[AES256_GCM,data:[^,]+,iv:[^,]+,tag:[^,]+,type:str\\]\"")
                .contains("encrypted_regex: \"^(data|stringData)$\"").contains("lastmodified: ");
        JsonNode sops = YAML.readTree(text).path("sops");
        assertThat(sops.path("age").findValuesAsText("recipient")).containsExactly(cluster.recipient(), admin.recipient());
        assertThat(sops.path("mac").asText()).startsWith("ENC[AES256_GCM,");
        for (AgeIdentity id : List.of(cluster, admin)) {
            SopsFile.Decrypted d = SopsFile.decrypt(text, "s.yaml", id);
            assertThat(d.document().path("stringData").path("token").asText()).isEqualTo(VALUE);
            assertThat(d.document().has("sops")).isFalse();
        }
        assertThat(SopsFile.recipients(text, "s.yaml")).containsExactly(cluster.recipient(), admin.recipient());
    }

    @Test
    void anIdentityThatIsNotARecipientIsToldSoWithoutTheValue() {
        AgeIdentity stranger = AgeIdentity.generate();
        assertThatThrownBy(() -> SopsFile.decrypt(encrypted(), "s.yaml", stranger)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("s.yaml").hasMessageContaining("is not one of its recipients").hasMessageNotContaining(VALUE);
    }

    @Test
    void tamperingIsCaught() {
        String text = encrypted();
        // one byte of ciphertext
        int at = text.indexOf("token: \"ENC[AES256_GCM,data:") + "token: \"ENC[AES256_GCM,data:".length();
        String flipped = text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1);
        assertThatThrownBy(() -> SopsFile.decrypt(flipped, "s.yaml", cluster)).hasMessageContaining("does not decrypt");
        // a value in clear that the MAC covers
        assertThatThrownBy(() -> SopsFile.decrypt(text.replace("name: chroma-auth", "name: other"), "s.yaml", cluster))
                .hasMessageContaining("MAC does not match");
        // a value moved to another key: the key path is the additional data
        String moved = text.replace("  token: \"ENC", "  other: \"ENC");
        assertThatThrownBy(() -> SopsFile.decrypt(moved, "s.yaml", cluster)).hasMessageContaining("does not decrypt");
        // a value added in clear under stringData
        String added = text.replace("stringData:\n", "stringData:\n  extra: plain\n");
        assertThatThrownBy(() -> SopsFile.decrypt(added, "s.yaml", cluster)).hasMessageContaining("is not encrypted");
    }

    @Test
    void readsTheFileRealSopsWroteForSopsAgeAndItsMacChecks() throws IOException {
        AgeIdentity key = AgeIdentity.parse(Files.readString(DATA.resolve("key.txt")), "key.txt");
        SopsFile.Decrypted d = SopsFile.decrypt(Files.readString(DATA.resolve("secret.enc.yaml")), "secret.enc.yaml", key);
        JsonNode expected = new ObjectMapper().readTree(DATA.resolve("secret.json").toFile());
        for (String field : List.of("secret", "string", "int", "float", "boolean", "complex")) {
            assertThat(d.document().get(field)).as(field).isEqualTo(expected.get(field));
        }
        String changed = Files.readString(DATA.resolve("secret.enc.yaml")).replace("lastmodified: \"2024-03-25T22:08:10Z\"",
                "lastmodified: \"2024-03-25T22:08:11Z\"");
        assertThatThrownBy(() -> SopsFile.decrypt(changed, "secret.enc.yaml", key)).hasMessageContaining("does not decrypt");
    }

    @Test
    void sopsAgeUnderNodeDecryptsWhatWeWrite() throws IOException, InterruptedException {
        Path node = RequiredTool.onPath("node");
        Path module = SopsAgeModule.dir(tmp);
        Path file = tmp.resolve("chroma-auth.sops.yaml");
        Files.writeString(file, encrypted());
        Path keyFile = tmp.resolve("key.txt");
        Files.writeString(keyFile, cluster.fileText(NOW));
        // the identity reaches Node through a file (SOPS_AGE_KEY_FILE), never through argv
        Path script = tmp.resolve("decrypt.mjs");
        Files.writeString(script, """
                import { decryptSops } from "%s";
                const out = await decryptSops({ path: process.argv[2] });
                process.stdout.write(JSON.stringify(out));
                """.formatted(module.resolve("node_modules/sops-age/dist/index.js").toUri()));
        ProcessBuilder pb = new ProcessBuilder(node.toString(), script.toString(), file.toString()).redirectErrorStream(false);
        pb.environment().put("SOPS_AGE_KEY_FILE", keyFile.toString());
        pb.environment().remove("SOPS_AGE_KEY");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        JsonNode decrypted = new ObjectMapper().readTree(out);
        assertThat(decrypted.path("stringData").path("token").asText()).isEqualTo(VALUE);
        assertThat(decrypted.path("metadata").path("name").asText()).isEqualTo("chroma-auth");
    }
}
