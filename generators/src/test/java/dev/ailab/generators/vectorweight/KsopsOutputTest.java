package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.testing.RequiredTool;
import dev.ailab.deployment.secrets.AgeIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo CD with SOPS secrets: the KSOPS kustomization and generator of each cluster that has
 * secrets, the {@code <cluster>-secrets} Application, and the repo server's KSOPS set-up. The
 * generator's fields are the ones KSOPS v4 reads ({@code ksops.go}: {@code files},
 * {@code secretFrom}; the KRM exec annotation); {@code kubectl kustomize} loads the folder up
 * to the plugin step.
 */
class KsopsOutputTest {
    @TempDir
    Path home;

    private final String recipient = AgeIdentity.generate().recipient();

    static String config(String recipient) {
        return """
                project_name: lab
                clusters:
                  - name: one
                    domain: one.example.com
                    vector_store: chroma
                    age_recipients: [%s]
                  - name: two
                    domain: two.example.com
                """.formatted(recipient);
    }

    private ToolkitConfig load(String text) throws IOException {
        return new Vectorweight(Fixtures.loader(home)).validate(Files.writeString(home.resolve("vw.yaml"), text));
    }

    private GeneratedRepository generate(Map<String, List<String>> secrets) throws IOException {
        return new VectorweightGenerator().generate(load(config(recipient)), home, secrets);
    }

    @Test
    void aClusterWithSecretsGetsAKsopsKustomizationAndAnApplication() throws IOException {
        GeneratedRepository repo = generate(Map.of("one", List.of("git-auth.yaml", "chroma-auth.yaml")));
        JsonNode kustomization = UpstreamCharts.yaml(repo.files().get("clusters/one/secrets/kustomization.yaml"));
        assertThat(kustomization.path("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1beta1");
        assertThat(kustomization.path("kind").asText()).isEqualTo("Kustomization");
        assertThat(kustomization.path("generators").toString()).isEqualTo("[\"./secret-generator.yaml\"]");

        JsonNode generator = UpstreamCharts.yaml(repo.files().get("clusters/one/secrets/secret-generator.yaml"));
        assertThat(generator.path("apiVersion").asText()).isEqualTo("viaduct.ai/v1");
        assertThat(generator.path("kind").asText()).isEqualTo("ksops");
        List<String> fields = new ArrayList<>();
        generator.fieldNames().forEachRemaining(fields::add);
        // KSOPS's own struct: files and secretFrom, beside the object's header
        assertThat(Set.of("apiVersion", "kind", "metadata", "files", "secretFrom")).containsAll(fields);
        assertThat(generator.path("files").toString()).isEqualTo("[\"./chroma-auth.yaml\",\"./git-auth.yaml\"]");
        JsonNode function = UpstreamCharts.yaml(generator.path("metadata").path("annotations")
                .path("config.kubernetes.io/function").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(function.path("exec").path("path").asText()).isEqualTo("ksops");

        JsonNode app = UpstreamCharts.yaml(repo.files().get(Layout.application("one", "secrets")));
        assertThat(app.path("metadata").path("name").asText()).isEqualTo("one-secrets");
        assertThat(app.path("metadata").path("annotations").path("argocd.argoproj.io/sync-wave").asText()).isEqualTo("-8");
        JsonNode source = app.path("spec").path("sources").get(0);
        assertThat(source.path("path").asText()).isEqualTo("clusters/one/secrets");
        assertThat(app.path("spec").path("sources").size()).isEqualTo(1);
        assertThat(app.path("spec").path("destination").path("name").asText()).isEqualTo("one");

        JsonNode values = UpstreamCharts.yaml(repo.files().get(Layout.ARGOCD_VALUES));
        assertThat(values.path("configs").path("cm").path("kustomize.buildOptions").asText())
                .isEqualTo("--enable-alpha-plugins --enable-exec");
        assertThat(values.path("repoServer").path("env").toString()).contains("SOPS_AGE_KEY_FILE").contains("/.config/sops/age/age.agekey");
        assertThat(values.path("repoServer").path("volumeMounts").toString()).contains("/usr/local/bin/ksops");
        String readme = new String(repo.files().get("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("Argo CD does not decrypt SOPS on its").contains("KSOPS").contains("one-secrets".replace("one", "<cluster>"))
                .contains("--from-file=age.agekey=/dev/stdin");

        // cluster two has no recipients and no secrets: nothing of the kind
        assertThat(repo.files().keySet()).noneMatch(p -> p.startsWith("clusters/two/secrets/") || p.equals(Layout.application("two", "secrets")));
    }

    @Test
    void onAnAirgappedSiteTheKsopsInstallImageComesFromTheSiteRegistry() throws IOException {
        String airgapped = config(recipient) + """
                sources:
                  mode: airgapped_git
                  git_mirror: https://git.lab.internal/mirrors/charts.git
                  image_registry: registry.lab.internal:5000
                """;
        GeneratedRepository site = new VectorweightGenerator().generate(load(airgapped), home, Map.of());
        JsonNode init = UpstreamCharts.yaml(site.files().get(Layout.ARGOCD_VALUES)).path("repoServer").path("initContainers").get(0);
        assertThat(init.path("name").asText()).isEqualTo("install-ksops");
        assertThat(init.path("image").asText()).isEqualTo("registry.lab.internal:5000/viaductoss/ksops:v4.5.1");

        JsonNode online = UpstreamCharts.yaml(generate(Map.of()).files().get(Layout.ARGOCD_VALUES));
        assertThat(online.path("repoServer").path("initContainers").get(0).path("image").asText()).isEqualTo(Ksops.IMAGE);
    }

    @Test
    void noSecretsNoKsopsFilesAndFluxNeedsNone() throws IOException {
        GeneratedRepository none = generate(Map.of());
        assertThat(none.files().keySet()).noneMatch(p -> p.contains("/secrets/") || p.endsWith("/secrets.yaml"));
        // the repo server is ready before the first secret: the plugin set-up comes with age_recipients
        assertThat(new String(none.files().get(Layout.ARGOCD_VALUES), StandardCharsets.UTF_8)).contains(Ksops.IMAGE);
        GeneratedRepository flux = new VectorweightGenerator().generate(
                load(config(recipient) + "gitops:\n  engine: flux\n"), home, Map.of("one", List.of("chroma-auth.yaml")));
        assertThat(flux.files().keySet()).noneMatch(p -> p.endsWith(Ksops.GENERATOR) || p.endsWith("/" + Ksops.KUSTOMIZATION));
        GeneratedRepository plain = new VectorweightGenerator().generate(load(config(recipient).replace("age_recipients: [" + recipient + "]", "")));
        assertThat(new String(plain.files().get(Layout.ARGOCD_VALUES), StandardCharsets.UTF_8)).doesNotContain("ksops");
    }

    @Test
    void kubectlKustomizeLoadsTheFolderUpToThePluginStep() throws Exception {
        Path kubectl = RequiredTool.onPath("kubectl");
        GeneratedRepository repo = generate(Map.of("one", List.of("chroma-auth.yaml")));
        Path dir = Files.createDirectories(home.resolve("out/clusters/one/secrets"));
        for (String name : List.of(Ksops.KUSTOMIZATION, Ksops.GENERATOR)) {
            Files.write(dir.resolve(name), repo.files().get("clusters/one/secrets/" + name));
        }
        Files.writeString(dir.resolve("chroma-auth.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: chroma-auth\n");
        // without plugins kustomize stops exactly where it would hand the generator to KSOPS:
        // the kustomization parsed, the generator file was found and read as a ksops object
        String out = run(kubectl.toString(), "kustomize", dir.toString());
        assertThat(out).startsWith("1:").contains("unable to load external plugin 'ksops'");
        // the same check sees a broken generator list: it is not a check that passes on anything
        Files.writeString(dir.resolve(Ksops.KUSTOMIZATION), new String(repo.files().get("clusters/one/secrets/" + Ksops.KUSTOMIZATION),
                StandardCharsets.UTF_8).replace("secret-generator", "missing-generator"));
        assertThat(run(kubectl.toString(), "kustomize", dir.toString())).startsWith("1:").doesNotContain("external plugin 'ksops'");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() + ":" + out;
    }
}
