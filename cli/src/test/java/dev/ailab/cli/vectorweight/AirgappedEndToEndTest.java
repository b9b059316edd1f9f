package dev.ailab.cli.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import dev.ailab.cli.CliHarness;
import dev.ailab.core.testing.RequiredTool;
import dev.ailab.generators.bundle.HelmRepoServer;
import dev.ailab.generators.charts.UpstreamChart;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole airgapped path through the command line, with real parts: a Helm repository served
 * over loopback, Debian's docker-registry (started by .ci/setup.d/40-registry.sh) holding a
 * busybox image, skopeo copying it by digest. init, bundle create, verify, import, validate
 * --offline-check and generate; then Helm lints the generated repository and no file names a
 * host outside the config. The network handler reaches only loopback (no proxy variables).
 */
class AirgappedEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("\\b([a-z][a-z0-9+.-]*)://([^\\s\"'<>)`/]+)");

    @TempDir
    Path home;

    private static String registry() {
        String registry = System.getenv("AI_LAB_TEST_REGISTRY");
        RequiredTool.available("registry", registry != null, "AI_LAB_TEST_REGISTRY is not set (run .ci/setup.d/40-registry.sh)");
        return registry;
    }

    @Test
    void initBundleVerifyImportGenerateOffline() throws Exception {
        String registry = registry();
        RequiredTool.onPath("skopeo");
        String image = registry + "/lab/busybox:1.36";
        try (HelmRepoServer charts = new HelmRepoServer(home.resolve("chart-repo"),
                List.of(UpstreamChart.ARGO_CD, UpstreamChart.QDRANT), image)) {
            CliHarness vw = new CliHarness(VectorweightCommand::new, home);
            assertThat(vw.run("init", "--template", "airgapped", "--file", "vw.yaml").exitCode()).isZero();
            Path config = home.resolve("vw.yaml");
            String text = Files.readString(config);
            String site = registry + "/site";
            text = text.substring(0, text.indexOf("\nsources:") + 1) + "github:\n  owner: lab\n  api_url: https://ghe.lab.internal/api/v3\n"
                    + "sources:\n  mode: airgapped_archive\n  archive: lab.bundle\n  image_registry: " + site + "\n";
            Files.writeString(config, text);

            CliHarness.Result created = vw.run("bundle", "create", "-c", "vw.yaml", "--file", "lab.bundle", "--images",
                    "--chart-repository", charts.url(), "-o", "json");
            assertThat(created.exitCode()).as(created.toString()).isZero();
            JsonNode bundle = JSON.readTree(created.out());
            assertThat(bundle.path("charts")).extracting(c -> c.path("name").asText()).containsExactly("argo-cd", "qdrant");
            JsonNode img = bundle.path("images").get(0);
            assertThat(img.path("reference").asText()).isEqualTo(image);
            String digest = img.path("digest").asText();
            assertThat(digest).startsWith("sha256:");
            // The digest is the registry's own: skopeo asked directly agrees.
            assertThat(skopeo("inspect", "--tls-verify=false", "--format", "{{.Digest}}", "docker://" + image).trim()).isEqualTo(digest);

            CliHarness.Result verified = vw.run("bundle", "verify", "lab.bundle");
            assertThat(verified.exitCode()).as(verified.toString()).isZero();

            CliHarness.Result imported = vw.run("bundle", "import", "lab.bundle", "--dir", "site", "-o", "json");
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            JsonNode result = JSON.readTree(imported.out());
            assertThat(result.path("pushed")).extracting(JsonNode::asText).containsExactly(site + "/lab/busybox:1.36");
            assertThat(skopeo("inspect", "--tls-verify=false", "--format", "{{.Digest}}", "docker://" + site + "/lab/busybox:1.36")
                    .trim()).as("the site's registry holds the same image").isEqualTo(digest);

            Files.writeString(config, Files.readString(config) + "  archive_sha256: " + result.path("sha256").asText() + "\n");
            CliHarness.Result check = vw.run("validate", "-c", "vw.yaml", "--offline-check");
            assertThat(check.exitCode()).as(check.toString()).isZero();
            int served = charts.requests.get();
            CliHarness.Result generated = vw.run("generate", "-c", "vw.yaml", "--dir", "out");
            assertThat(generated.exitCode()).as(generated.toString()).isZero();
            assertThat(charts.requests.get()).as("generate fetched nothing").isEqualTo(served);
        }

        Path out = home.resolve("out");
        for (String chart : List.of("charts/cluster-base", "charts/argo-cd/" + UpstreamChart.ARGO_CD.version,
                "charts/qdrant/" + UpstreamChart.QDRANT.version)) {
            var lint = new Helm(out.resolve(chart)).lint().strict().call();
            assertThat(lint.isFailed()).as(chart + ": " + lint.getMessages()).isFalse();
        }
        Set<String> hosts = new TreeSet<>();
        try (Stream<Path> files = Files.walk(out)) {
            // Vendored upstream charts are third-party text (NOTES.txt, READMEs); the check is on what vectorweight writes.
            Path vendored = out.resolve("charts");
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(vendored) || f.startsWith(vendored.resolve("cluster-base"))).toList()) {
                String t = new String(Files.readAllBytes(f), StandardCharsets.UTF_8)
                        .replace("\"$schema\": \"https://json-schema.org/", "\"$schema\": \"");
                Matcher m = URL.matcher(t);
                while (m.find()) {
                    hosts.add(URI.create(m.group(1) + "://" + m.group(2)).getHost());
                }
            }
        }
        assertThat(hosts).isSubsetOf("ghe.lab.internal", "127.0.0.1", "kubernetes.default.svc");
    }

    private static String skopeo(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("skopeo"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
