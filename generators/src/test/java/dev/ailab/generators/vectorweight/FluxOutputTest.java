package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ailab.core.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flux engine's output for every example config: each object valid under the Flux CRDs'
 * own schemas (vendored from the controllers at the pinned Flux release, see
 * {@code scripts/refresh-upstream-charts.sh}), with unknown fields rejected as a strict API server
 * would; every reference resolves; dependsOn has no dangling link and no cycle; the local
 * chart renders under real Helm with each HelmRelease's values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FluxOutputTest {
    static final Path CRDS = UpstreamCharts.ROOT.resolveSibling("flux-crds");

    @TempDir
    static Path home;

    /** Example name to its Flux output. */
    private final Map<String, GeneratedRepository> repos = new LinkedHashMap<>();
    /** "apiVersion/kind" to the CRD's schema, closed against unknown fields. */
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    /** An example config with {@code gitops.engine: flux} added. */
    static Path fluxConfig(Path dir, String example) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(example + "-flux.yaml");
        Files.writeString(f, Files.readString(UpstreamCharts.EXAMPLES.resolve(example + ".yaml")) + "\ngitops:\n  engine: flux\n");
        return f;
    }

    /**
     * Flux configs for the airgapped modes beside the airgapped example's git mirror: an
     * internal Helm repository, an OCI registry, and the vendored modes, whose charts are the
     * real pinned ones (the vendored test data, packaged): a local folder and a bundle.
     */
    static Map<String, Path> airgappedFluxConfigs(Path dir) throws IOException {
        Path charts = Files.createDirectories(dir.resolve("site-charts"));
        Path bundle = dir.resolve("site.bundle");
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(bundle))) {
            for (dev.ailab.generators.charts.UpstreamChart u : dev.ailab.generators.charts.UpstreamChart.values()) {
                if (UpstreamCharts.renderable(u)) {
                    byte[] tgz = UpstreamCharts.packaged(u);
                    Files.write(charts.resolve(dev.ailab.generators.charts.ChartResolver.packageName(u)), tgz);
                    var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(
                            "charts/" + dev.ailab.generators.charts.ChartResolver.packageName(u));
                    e.setSize(tgz.length);
                    tar.putArchiveEntry(e);
                    tar.write(tgz);
                    tar.closeArchiveEntry();
                }
            }
        }
        // every vendorable chart in use: no GPU operator (only its values.yaml is test data)
        String base = ImageRewriteTest.CLUSTERS.replace("enable_gpu_operator: true", "enable_gpu_operator: false")
                .replace("gpu_enabled: true", "gpu_enabled: false")
                + "gitops:\n  engine: flux\nsources:\n  image_registry: " + ImageRewriteTest.REGISTRY + "\n";
        Map<String, Path> configs = new LinkedHashMap<>();
        configs.put("flux-local", Fixtures.write(dir, "flux-local.yaml", base + "  mode: local\n  local_path: site-charts\n"));
        configs.put("flux-archive", Fixtures.write(dir, "flux-archive.yaml", base + "  mode: airgapped_archive\n  archive: site.bundle\n"
                + "  archive_sha256: " + dev.ailab.core.io.Sha256.ofFile(bundle) + "\n"));
        configs.put("flux-chart-repository", Fixtures.write(dir, "flux-chart-repository.yaml", base + "  mode: local\n"
                + "  local_path: site-charts\n  chart_repository: https://charts.lab.internal/stable\n"));
        configs.put("flux-oci", Fixtures.write(dir, "flux-oci.yaml", base + "  mode: local\n  local_path: site-charts\n"
                + "  chart_repository: oci://" + ImageRewriteTest.REGISTRY + "/charts\n"));
        return configs;
    }

    @BeforeAll
    void generateAndLoadSchemas() throws IOException {
        for (String name : StarterTemplates.NAMES) {
            repos.put(name, new VectorweightGenerator().generate(new Vectorweight(Fixtures.loader(home)).validate(fluxConfig(home, name))));
        }
        airgappedFluxConfigs(home).forEach((name, config) -> repos.put(name,
                new VectorweightGenerator().generate(new Vectorweight(Fixtures.loader(home)).validate(config), home)));
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.list(CRDS)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".yaml")).sorted()::iterator) {
                JsonNode crd = UpstreamCharts.yaml(Files.readAllBytes(f));
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean()) {
                        JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                        close(schema);
                        schemas.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(schema));
                    }
                }
            }
        }
    }

    /** Every object schema that lists its properties and allows no others gets additionalProperties: false. */
    private static void close(JsonNode schema) {
        if (!schema.isObject()) {
            return;
        }
        ObjectNode o = (ObjectNode) schema;
        if (o.has("properties") && !o.has("additionalProperties") && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            o.put("additionalProperties", false);
            // metadata is the API server's, not the CRD's
            if (o.path("properties").has("apiVersion") && o.path("properties").has("kind")) {
                ((ObjectNode) o.path("properties")).putObject("metadata").put("type", "object");
            }
        }
        o.elements().forEachRemaining(FluxOutputTest::close);
    }

    /** The Flux objects of one example: path to document. */
    private static Map<String, JsonNode> fluxDocs(GeneratedRepository repo) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        repo.files().forEach((path, bytes) -> {
            if (path.startsWith("flux/")) {
                out.put(path, UpstreamCharts.yaml(bytes));
            }
        });
        return out;
    }

    @Test
    void everyFluxObjectIsValidUnderItsCrdSchema() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, GeneratedRepository> e : repos.entrySet()) {
            for (Map.Entry<String, JsonNode> doc : fluxDocs(e.getValue()).entrySet()) {
                JsonNode d = doc.getValue();
                JsonSchema schema = schemas.get(d.path("apiVersion").asText() + "/" + d.path("kind").asText());
                if (schema == null) {
                    problems.add(e.getKey() + ": " + doc.getKey() + ": no served CRD version for " + d.path("apiVersion").asText());
                    continue;
                }
                checked++;
                for (ValidationMessage m : schema.validate(d)) {
                    problems.add(e.getKey() + ": " + doc.getKey() + ": " + m.getMessage());
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @Test
    void aClusterWithAgeRecipientsDecryptsWithSopsAndStaysValid() throws IOException {
        String recipient = dev.ailab.deployment.secrets.AgeIdentity.generate().recipient();
        Path config = Files.writeString(home.resolve("sops-flux.yaml"), """
                project_name: lab
                clusters:
                  - name: one
                    domain: one.example.com
                    age_recipients: [%s]
                gitops:
                  engine: flux
                """.formatted(recipient));
        GeneratedRepository repo = new VectorweightGenerator().generate(new Vectorweight(Fixtures.loader(home)).validate(config));
        JsonNode sync = UpstreamCharts.yaml(repo.files().get(Layout.fluxSync("one", "sync")));
        assertThat(sync.path("spec").path("decryption").path("provider").asText()).isEqualTo("sops");
        assertThat(sync.path("spec").path("decryption").path("secretRef").path("name").asText()).isEqualTo("sops-age");
        assertThat(schemas.get("kustomize.toolkit.fluxcd.io/v1/Kustomization").validate(sync)).isEmpty();
        JsonNode rules = UpstreamCharts.yaml(repo.files().get(".sops.yaml"));
        assertThat(rules.path("creation_rules").get(0).path("age").asText()).isEqualTo(recipient);
    }

    @Test
    void theSchemaCheckRejectsAnUnknownFieldAndAWrongType() throws IOException {
        JsonNode release = UpstreamCharts.yaml(repos.get("minimal").files().get(Layout.fluxRelease("lab", "base"))).deepCopy();
        ((ObjectNode) release.path("spec")).put("dependOn", "base");
        ((ObjectNode) release.path("spec").path("install").path("remediation")).put("retries", "three");
        Set<ValidationMessage> messages = schemas.get("helm.toolkit.fluxcd.io/v2/HelmRelease").validate(release);
        assertThat(messages).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("dependOn")).anyMatch(m -> m.contains("retries"));
    }

    @Test
    void everyReferenceResolvesAndDependsOnHasNoCycle() {
        for (Map.Entry<String, GeneratedRepository> e : repos.entrySet()) {
            Map<String, JsonNode> docs = fluxDocs(e.getValue());
            Set<String> clusters = new HashSet<>();
            docs.keySet().forEach(p -> clusters.add(p.split("/")[1]));
            for (String cluster : clusters) {
                // kind/namespace/name of every object Flux in this cluster sees
                Map<String, JsonNode> objects = new HashMap<>();
                docs.forEach((p, d) -> {
                    if (p.startsWith(Layout.fluxCluster(cluster) + "/")) {
                        objects.put(d.path("kind").asText() + "/" + d.path("metadata").path("namespace").asText() + "/"
                                + d.path("metadata").path("name").asText(), d);
                    }
                });
                String where = e.getKey() + "/" + cluster;
                assertThat(objects).as(where).containsKeys("GitRepository/flux-system/flux-system",
                        "Kustomization/flux-system/flux-system", "HelmRelease/flux-system/base");
                JsonNode root = objects.get("Kustomization/flux-system/flux-system");
                assertThat(root.path("spec").path("path").asText()).isEqualTo("./flux/" + cluster);
                Map<String, List<String>> edges = new HashMap<>();
                for (Map.Entry<String, JsonNode> o : objects.entrySet()) {
                    JsonNode spec = o.getValue().path("spec");
                    boolean release = o.getValue().path("kind").asText().equals("HelmRelease");
                    if (release) {
                        // the CRD's rule, which a JSON Schema cannot say: one of chart and chartRef
                        assertThat(spec.has("chart") ^ spec.has("chartRef")).as(where + ": chart or chartRef of " + o.getKey()).isTrue();
                    }
                    JsonNode ref = !release ? spec.path("sourceRef")
                            : spec.has("chartRef") ? spec.path("chartRef") : spec.path("chart").path("spec").path("sourceRef");
                    if (!ref.isMissingNode()) {
                        String ns = ref.path("namespace").asText(o.getValue().path("metadata").path("namespace").asText());
                        assertThat(objects).as(where + ": source of " + o.getKey())
                                .containsKey(ref.path("kind").asText() + "/" + ns + "/" + ref.path("name").asText());
                    }
                    List<String> targets = new ArrayList<>();
                    for (JsonNode d : spec.path("dependsOn")) {
                        // dependsOn links objects of the same kind only
                        String target = o.getValue().path("kind").asText() + "/" + d.path("namespace").asText() + "/" + d.path("name").asText();
                        assertThat(objects).as(where + ": dependsOn of " + o.getKey()).containsKey(target);
                        targets.add(target);
                    }
                    edges.put(o.getKey(), targets);
                }
                for (String start : edges.keySet()) {
                    assertThat(reachesItself(start, edges)).as(where + ": dependsOn cycle through " + start).isFalse();
                }
                // a chart taken from this repository is a folder of it
                objects.forEach((k, d) -> {
                    JsonNode chart = d.path("spec").path("chart").path("spec");
                    if (chart.path("sourceRef").path("name").asText().equals(FluxObjects.SYNC_NAME)) {
                        assertThat(e.getValue().files()).as(where + ": chart of " + k)
                                .containsKey(chart.path("chart").asText().substring(2) + "/Chart.yaml");
                    }
                });
                JsonNode base = objects.get("HelmRelease/flux-system/base");
                assertThat(base.path("spec").path("chart").path("spec").path("chart").asText()).isEqualTo("./charts/cluster-base");
            }
        }
    }

    /** The generated files under {@code out}, as generate would write them. */
    private static Path writeTree(GeneratedRepository repo, Path out) throws IOException {
        for (Map.Entry<String, byte[]> f : repo.files().entrySet()) {
            Path to = out.resolve(f.getKey());
            Files.createDirectories(to.getParent());
            Files.write(to, f.getValue());
        }
        return out;
    }

    private static boolean reachesItself(String start, Map<String, List<String>> edges) {
        List<String> todo = new ArrayList<>(edges.getOrDefault(start, List.of()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            if (n.equals(start)) {
                return true;
            }
            if (seen.add(n)) {
                todo.addAll(edges.getOrDefault(n, List.of()));
            }
        }
        return false;
    }

    @Test
    void orderingIsBaseThenGpuOperatorThenTheRest() {
        GeneratedRepository repo = repos.get("production");
        JsonNode gpu = UpstreamCharts.yaml(repo.files().get(Layout.fluxRelease("ai-cluster", "gpu-operator")));
        JsonNode weaviate = UpstreamCharts.yaml(repo.files().get(Layout.fluxRelease("ai-cluster", "weaviate")));
        assertThat(gpu.path("spec").path("dependsOn").findValuesAsText("name")).containsExactly("base");
        assertThat(weaviate.path("spec").path("dependsOn").findValuesAsText("name")).containsExactly("base", "gpu-operator");
        assertThat(weaviate.path("spec").path("chart").path("spec").path("version").asText()).isEqualTo("17.3.3");
        assertThat(weaviate.path("spec").path("upgrade").path("remediation").path("retries").asInt()).isEqualTo(3);
        assertThat(weaviate.path("spec").path("driftDetection").path("mode").asText()).isEqualTo("enabled");
        assertThat(weaviate.path("spec").path("driftDetection").path("ignore").get(0).path("target").path("name").asText())
                .isEqualTo("weaviate-cluster-api-basic-auth");
        assertThat(repo.files().keySet()).noneMatch(p -> p.startsWith("argocd/") || p.equals(Layout.ARGOCD_VALUES));
    }

    @Test
    void helmReleaseValuesAreTheGeneratedValuesFiles() {
        // so the key and Pod Security tests, which read the values files, hold for Flux as well
        for (GeneratedRepository repo : repos.values()) {
            repo.files().forEach((path, bytes) -> {
                if (path.matches("flux/[^/]+/releases/[^/]+\\.yaml")) {
                    String[] parts = path.split("/");
                    String component = parts[3].replace(".yaml", "");
                    JsonNode values = UpstreamCharts.yaml(repo.files().get(Layout.values(parts[1], component)));
                    assertThat(UpstreamCharts.yaml(bytes).path("spec").path("values")).as(path).isEqualTo(values);
                }
            });
        }
    }

    @Test
    void helmRendersTheLocalChartWithEveryBaseReleasesValues() throws IOException {
        GeneratedRepository repo = repos.get("production_full");
        Path out = writeTree(repo, home.resolve("render"));
        int rendered = 0;
        for (Map.Entry<String, JsonNode> doc : fluxDocs(repo).entrySet()) {
            JsonNode spec = doc.getValue().path("spec");
            if (doc.getValue().path("kind").asText().equals("HelmRelease")
                    && spec.path("chart").path("spec").path("sourceRef").path("kind").asText().equals("GitRepository")) {
                Path values = home.resolve("values-" + rendered + ".yaml");
                Files.writeString(values, spec.path("values").toString());
                String yaml = new Helm(out.resolve(spec.path("chart").path("spec").path("chart").asText())).template()
                        .withName(spec.path("releaseName").asText()).withKubeVersion("1.31.0").withValuesFile(values).call();
                assertThat(GeneratorTest.docs(yaml)).as(doc.getKey()).anyMatch(d -> d.path("kind").asText().equals("Namespace"));
                rendered++;
            }
        }
        assertThat(rendered).isEqualTo(3);
    }

    @Test
    void eachAirgappedModeHasItsOwnKindOfChartSource() {
        JsonNode git = UpstreamCharts.yaml(repos.get("airgapped").files().get(Layout.fluxRelease("edge", "qdrant")));
        assertThat(git.path("spec").path("chart").path("spec").path("sourceRef").path("name").asText()).isEqualTo(FluxObjects.MIRROR);
        assertThat(git.path("spec").path("chart").path("spec").path("chart").asText()).isEqualTo("./charts/qdrant/1.13.4");
        JsonNode mirror = UpstreamCharts.yaml(repos.get("airgapped").files().get(Layout.fluxSource("edge", FluxObjects.MIRROR)));
        assertThat(mirror.path("kind").asText()).isEqualTo("GitRepository");
        assertThat(mirror.path("spec").path("url").asText()).isEqualTo("https://git.lab.internal/mirrors/charts.git");
        assertThat(repos.get("airgapped").files()).doesNotContainKey(Layout.fluxSource("edge", "qdrant"));

        for (String vendored : List.of("flux-local", "flux-archive")) {
            JsonNode r = UpstreamCharts.yaml(repos.get(vendored).files().get(Layout.fluxRelease("gpu", "weaviate")));
            assertThat(r.path("spec").path("chart").path("spec").path("sourceRef").path("name").asText()).isEqualTo(FluxObjects.SYNC_NAME);
            assertThat(repos.get(vendored).files().keySet()).noneMatch(p -> p.contains("/sources/"));
        }
        JsonNode oci = UpstreamCharts.yaml(repos.get("flux-oci").files().get(Layout.fluxSource("edge", "qdrant")));
        assertThat(oci.path("kind").asText()).isEqualTo("OCIRepository");
        assertThat(oci.path("spec").path("url").asText()).isEqualTo("oci://" + ImageRewriteTest.REGISTRY + "/charts/qdrant");
        assertThat(oci.path("spec").path("ref").path("tag").asText()).isEqualTo("1.13.4");
        JsonNode helm = UpstreamCharts.yaml(repos.get("flux-chart-repository").files().get(Layout.fluxSource("edge", "qdrant")));
        assertThat(helm.path("kind").asText()).isEqualTo("HelmRepository");
        assertThat(helm.path("spec").path("url").asText()).isEqualTo("https://charts.lab.internal/stable");
    }

    @Test
    void helmRendersEveryVendoredChartWithItsReleasesValuesAndEveryImageIsOnTheSitesRegistry() throws IOException {
        int rendered = 0;
        for (String name : List.of("flux-local", "flux-archive")) {
            GeneratedRepository repo = repos.get(name);
            Path out = writeTree(repo, home.resolve("render-" + name));
            // helm-java would ask a cluster for the charts' lookups; helm template answers "nothing"
            try (Stream<Path> dirs = Files.walk(out.resolve("charts"), 3)) {
                for (Path t : (Iterable<Path>) dirs.filter(d -> d.getFileName().toString().equals("templates"))::iterator) {
                    UpstreamCharts.emptyLookups(t);
                }
            }
            for (Map.Entry<String, JsonNode> doc : fluxDocs(repo).entrySet()) {
                JsonNode spec = doc.getValue().path("spec");
                String chart = spec.path("chart").path("spec").path("chart").asText();
                if (!doc.getValue().path("kind").asText().equals("HelmRelease") || chart.equals("./" + ClusterBaseChart.PATH)) {
                    continue;
                }
                Path values = home.resolve("values-" + name + "-" + rendered + ".yaml");
                Files.writeString(values, spec.path("values").toString());
                String yaml = new Helm(out.resolve(chart)).template().withName(spec.path("releaseName").asText())
                        .withNamespace(spec.path("targetNamespace").asText()).withKubeVersion("1.31.0").withValuesFile(values).call();
                int containers = 0;
                for (JsonNode d : GeneratorTest.docs(yaml)) {
                    JsonNode pod = PodSecurityLevels.podSpec(d);
                    if (pod == null || d.path("metadata").path("annotations").path("helm.sh/hook").asText().contains("test")) {
                        continue;
                    }
                    for (String list : List.of("initContainers", "containers")) {
                        for (JsonNode c : pod.path(list)) {
                            containers++;
                            assertThat(c.path("image").asText()).as(name + ": " + doc.getKey()).startsWith(ImageRewriteTest.REGISTRY + "/");
                        }
                    }
                }
                assertThat(containers).as(name + ": " + doc.getKey()).isPositive();
                rendered++;
            }
        }
        // weaviate, cerbos, qdrant and chroma in each of the two vendored modes
        assertThat(rendered).isEqualTo(8);
    }

    @Test
    void airgappedFluxOutputNamesOnlyTheSitesHosts() {
        for (String name : List.of("airgapped", "flux-local", "flux-archive", "flux-chart-repository", "flux-oci")) {
            repos.get(name).files().forEach((path, bytes) -> {
                if (path.startsWith("charts/") && !path.startsWith(ClusterBaseChart.PATH)) {
                    return; // a vendored chart's own files (its home page, its README); its images are the render test's
                }
                String text = new String(bytes, StandardCharsets.UTF_8)
                        .replace("\"$schema\": \"https://json-schema.org/", "");
                assertThat(text).as(name + ": " + path).doesNotContain("github.com", "ghcr.io", "docker.io", "cr.weaviate.io",
                        "github.io", "download.cerbos.dev", "nvcr.io", "quay.io");
            });
        }
    }

    @Test
    void anAirgappedDeployScriptTakesFluxFromAManifestFileOnly() throws IOException, InterruptedException {
        Path dir = home.resolve("deploy-airgapped");
        new Vectorweight(Fixtures.loader(home)).generate(airgappedFluxConfigs(home).get("flux-local"), dir, home, false);
        assertThat(run(dir, Map.of(), RequiredTool.onPath("shellcheck").toString(), "--severity=style", "deploy.sh")).startsWith("0:");
        Path bin = Files.createDirectories(home.resolve("bin-airgapped"));
        Path log = home.resolve("kubectl-airgapped.log");
        Path kubectl = bin.resolve("kubectl");
        Files.writeString(kubectl, "#!/bin/sh\necho \"kubectl $*\" >> '" + log + "'\n");
        kubectl.toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        assertThat(run(dir, env, "bash", "deploy.sh", "--cluster", "edge")).startsWith("2:")
                .contains("--flux-manifest", "--registry=" + ImageRewriteTest.REGISTRY + "/fluxcd");
        assertThat(log).doesNotExist();
        Path manifest = Files.writeString(home.resolve("flux-install.yaml"), "# flux install --export\n");
        assertThat(run(dir, env, "bash", "deploy.sh", "--cluster", "edge", "--flux-manifest", manifest.toString())).startsWith("0:");
        assertThat(Files.readString(log)).contains("kubectl apply --server-side -f " + manifest).doesNotContain("github.com");
        assertThat(run(dir, env, "bash", "deploy.sh", "--flux-manifest", home.resolve("none.yaml").toString())).startsWith("2:");
    }

    @Test
    void deployScriptIsShellcheckCleanAndItsDryRunAppliesTheSyncObjects() throws IOException, InterruptedException {
        Path dir = home.resolve("deploy");
        new Vectorweight(Fixtures.loader(home)).generate(fluxConfig(home, "production_full"), dir, home, false);
        Path shellcheck = RequiredTool.onPath("shellcheck");
        assertThat(run(dir, Map.of(), shellcheck.toString(), "--severity=style", "deploy.sh")).startsWith("0:");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path log = home.resolve("kubectl.log");
        Path kubectl = bin.resolve("kubectl");
        Files.writeString(kubectl, "#!/bin/sh\necho \"kubectl $*\" >> '" + log + "'\n");
        kubectl.toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        assertThat(run(dir, env, "bash", "deploy.sh", "--cluster", "search", "--context", "s", "--dry-run")).startsWith("0:");
        String calls = Files.readString(log);
        assertThat(calls).doesNotContain("install.yaml")
                .contains("kubectl --context s apply --dry-run=client -f " + dir.resolve("flux/search/flux-system/source.yaml"))
                .contains("kubectl --context s apply --dry-run=client -f " + dir.resolve("flux/search/flux-system/sync.yaml"));
        Files.delete(log);
        assertThat(run(dir, env, "bash", "deploy.sh", "--cluster", "search")).startsWith("0:");
        assertThat(Files.readString(log)).contains("kubectl apply --server-side -f https://github.com/fluxcd/flux2/releases/download/"
                + FluxObjects.FLUX_VERSION + "/install.yaml");
        assertThat(run(dir, env, "bash", "deploy.sh", "--cluster", "nowhere")).startsWith("2:").contains("unknown cluster: nowhere");
        // --age-key: the identity reaches kubectl on stdin, never in its arguments
        Path key = home.resolve("age.key");
        Files.writeString(key, "AGE-SECRET-KEY-1CANARYNOTAREALKEY\n");
        Files.writeString(kubectl, "#!/bin/sh\necho \"kubectl $*\" >> '" + log + "'\ncat >> '" + home.resolve("stdin.log") + "'\n");
        Files.delete(log);
        assertThat(run(dir, env, "bash", "deploy.sh", "--cluster", "search", "--age-key", key.toString(), "--dry-run")).startsWith("0:")
                .doesNotContain("CANARY");
        assertThat(Files.readString(log)).contains("create secret generic sops-age --namespace flux-system --from-file=age.agekey=/dev/stdin")
                .doesNotContain("CANARY");
        assertThat(Files.readString(home.resolve("stdin.log"))).contains("CANARY");
        assertThat(run(dir, env, "bash", "deploy.sh", "--age-key", home.resolve("missing.key").toString())).startsWith("2:");
    }

    private static String run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + ":" + output;
    }
}
