package dev.ailab.cli.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.cli.CliHarness;
import dev.ailab.deployment.secrets.AgeIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vectorweight secrets} end to end over a real folder: set, list, verify, rotate, and what generate adds. */
public class VectorweightSecretsTest {
    @TempDir
    Path home;

    private final AgeIdentity clusterKey = AgeIdentity.generate();
    private final AgeIdentity admin = AgeIdentity.generate();
    private final AgeIdentity newAdmin = AgeIdentity.generate();
    private final AgeIdentity stranger = AgeIdentity.generate();

    private CliHarness cli() {
        return new CliHarness(VectorweightCommand::new, home);
    }

    public static String config(String engine, String clusterRecipient, String... admins) {
        return """
                project_name: lab
                clusters:
                  - name: one
                    domain: one.example.com
                    vector_store: chroma
                    age_recipients: [%s]
                  - name: two
                    domain: two.example.com
                gitops:
                  engine: %s
                sops:
                  recipients: [%s]
                """.formatted(clusterRecipient, engine, String.join(", ", admins));
    }

    private Path key(String name, AgeIdentity id) throws Exception {
        Path f = home.resolve(name);
        Files.writeString(f, id.fileText(Instant.parse("2026-12-01T00:00:00Z")));
        return f;
    }

    @Test
    void setListVerifyRotateAndTheEnginesSetUp() throws Exception {
        String value = "tok-" + java.util.UUID.randomUUID();
        Files.writeString(home.resolve("vw.yaml"), config("flux", clusterKey.recipient(), admin.recipient()));
        CliHarness.Result set = cli().stdin(value + "\n").run("secrets", "set", "-c", "vw.yaml", "one", "chroma-auth", "token",
                "--namespace", "chroma");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        Path file = home.resolve("lab-deployment/flux/one/secrets/chroma-auth.yaml");
        assertThat(Files.readString(file)).doesNotContain(value).contains("name: chroma-auth").contains("namespace: chroma");

        // a second key needs the identity, to keep the first
        CliHarness.Result noId = cli().stdin("second\n").run("secrets", "set", "-c", "vw.yaml", "one", "chroma-auth", "other");
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.err()).contains("exists").contains("SOPS_AGE_KEY_FILE");
        CliHarness.Result second = cli().env("SOPS_AGE_KEY_FILE", key("admin.txt", admin).toString()).stdin("second\n")
                .run("secrets", "set", "-c", "vw.yaml", "one", "chroma-auth", "other", "-o", "json");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("\"keys\" : [ \"token\", \"other\" ]").contains("\"namespace\" : \"chroma\"").doesNotContain(value);

        CliHarness.Result list = cli().run("secrets", "list", "-c", "vw.yaml", "-o", "json");
        assertThat(list.out()).contains("flux/one/secrets/chroma-auth.yaml").contains(clusterKey.recipient()).doesNotContain(value);

        assertThat(cli().run("secrets", "verify", "-c", "vw.yaml", "-i", key("cluster.txt", clusterKey).toString()).exitCode()).isZero();
        CliHarness.Result wrong = cli().run("secrets", "verify", "-c", "vw.yaml", "-i", key("stranger.txt", stranger).toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.out()).contains("is not one of its recipients");
        assertThat(cli().run("secrets", "verify", "-c", "vw.yaml").exitCode()).isEqualTo(2);

        // a cluster without age_recipients: nothing its engine could not decrypt is written
        CliHarness.Result none = cli().stdin("x\n").run("secrets", "set", "-c", "vw.yaml", "two", "s", "k");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("age_recipients");
        assertThat(home.resolve("lab-deployment/flux/two/secrets")).doesNotExist();

        // a new admin: verify reports the file as missing them, rotate fixes it, all or nothing
        Files.writeString(home.resolve("vw.yaml"), config("flux", clusterKey.recipient(), admin.recipient(), newAdmin.recipient()));
        assertThat(cli().run("secrets", "verify", "-c", "vw.yaml", "-i", key("cluster.txt", clusterKey).toString()).out())
                .contains("not encrypted for " + newAdmin.recipient());
        CliHarness.Result refused = cli().run("generate", "-c", "vw.yaml");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("chroma-auth.yaml is not encrypted for " + newAdmin.recipient()).contains("secrets rotate");
        Path broken = home.resolve("lab-deployment/flux/one/secrets/broken.yaml");
        Files.writeString(broken, Files.readString(file).replace("name: chroma-auth", "name: broken"));
        byte[] before = Files.readAllBytes(file);
        CliHarness.Result failed = cli().run("secrets", "rotate", "-c", "vw.yaml", "-i", key("admin.txt", admin).toString());
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).contains("broken.yaml").contains("MAC");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        Files.delete(broken);
        CliHarness.Result rotated = cli().run("secrets", "rotate", "-c", "vw.yaml", "-i", key("admin.txt", admin).toString(), "-o", "json");
        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        assertThat(cli().run("secrets", "verify", "-c", "vw.yaml", "-i", key("new.txt", newAdmin).toString()).exitCode()).isZero();

        // generate: the root Kustomization decrypts, .sops.yaml has the same rules
        assertThat(cli().run("generate", "-c", "vw.yaml").exitCode()).isZero();
        String sync = Files.readString(home.resolve("lab-deployment/flux/one/flux-system/sync.yaml"));
        assertThat(sync).contains("decryption:").contains("provider: sops").contains("name: sops-age");
        assertThat(Files.readString(home.resolve("lab-deployment/flux/two/flux-system/sync.yaml"))).doesNotContain("decryption");
        com.fasterxml.jackson.databind.JsonNode rule = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(home.resolve("lab-deployment/.sops.yaml").toFile()).path("creation_rules").get(0);
        assertThat(java.util.regex.Pattern.compile(rule.path("path_regex").asText()).matcher("flux/one/secrets/chroma-auth.yaml").matches()).isTrue();
        assertThat(rule.path("encrypted_regex").asText()).isEqualTo("^(data|stringData)$");
        assertThat(rule.path("age").asText())
                .contains(clusterKey.recipient() + "," + admin.recipient() + "," + newAdmin.recipient());
        // the secrets are the user's: generate neither prunes nor reports them
        assertThat(file).exists();
        assertThat(cli().run("plan", "-c", "vw.yaml").exitCode()).isZero();
    }

    @Test
    void argoCdListsEverySecretForKsopsAndPlanSeesNewOnes() throws Exception {
        Files.writeString(home.resolve("vw.yaml"), config("argocd", clusterKey.recipient(), admin.recipient()));
        assertThat(cli().run("generate", "-c", "vw.yaml").exitCode()).isZero();
        assertThat(cli().run("plan", "-c", "vw.yaml").exitCode()).isZero();
        Path dir = home.resolve("lab-deployment/clusters/one/secrets");
        Path app = home.resolve("lab-deployment/argocd/apps/one/secrets.yaml");
        assertThat(app).doesNotExist();

        assertThat(cli().stdin("t\n").run("secrets", "set", "-c", "vw.yaml", "one", "chroma-auth", "token").exitCode()).isZero();
        // set keeps KSOPS's list current at once; the Application comes with the next generate, which plan shows
        assertThat(Files.readString(dir.resolve("secret-generator.yaml"))).contains("kind: ksops").contains("- ./chroma-auth.yaml");
        assertThat(Files.readString(dir.resolve("kustomization.yaml"))).contains("- ./secret-generator.yaml");
        CliHarness.Result plan = cli().run("plan", "-c", "vw.yaml");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(10);
        assertThat(plan.out()).contains("argocd/apps/one/secrets.yaml");
        assertThat(cli().run("generate", "-c", "vw.yaml").exitCode()).isZero();
        assertThat(Files.readString(app)).contains("name: one-secrets").contains("path: clusters/one/secrets");
        assertThat(cli().run("plan", "-c", "vw.yaml").exitCode()).isZero();

        // a second Secret: listed by set; plan is not empty until generate records it
        assertThat(cli().stdin("p\n").run("secrets", "set", "-c", "vw.yaml", "one", "git-auth", "pw").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("secret-generator.yaml"))).contains("- ./chroma-auth.yaml\n- ./git-auth.yaml");
        assertThat(cli().run("plan", "-c", "vw.yaml").exitCode()).isEqualTo(10);
        CliHarness.Result gen = cli().run("generate", "-c", "vw.yaml");
        assertThat(gen.exitCode()).as(gen.toString()).isZero();
        assertThat(gen.out()).doesNotContain("kept");
        assertThat(cli().run("plan", "-c", "vw.yaml").exitCode()).isZero();

        // the KSOPS files are not Secrets: list, verify and rotate pass them by, and no Secret may take their names
        CliHarness.Result list = cli().run("secrets", "list", "-c", "vw.yaml", "-o", "json");
        assertThat(list.out()).contains("chroma-auth.yaml").contains("git-auth.yaml").doesNotContain("kustomization").doesNotContain("secret-generator");
        assertThat(cli().run("secrets", "verify", "-c", "vw.yaml", "-i", key("cluster.txt", clusterKey).toString()).exitCode()).isZero();
        assertThat(cli().run("secrets", "rotate", "-c", "vw.yaml", "-i", key("admin.txt", admin).toString()).exitCode()).isZero();
        CliHarness.Result reserved = cli().stdin("x\n").run("secrets", "set", "-c", "vw.yaml", "one", "kustomization", "k");
        assertThat(reserved.exitCode()).isEqualTo(2);
        assertThat(reserved.err()).contains("KSOPS").contains("choose another name");
        assertThat(cli().run("plan", "-c", "vw.yaml").exitCode()).isZero();
    }
}
