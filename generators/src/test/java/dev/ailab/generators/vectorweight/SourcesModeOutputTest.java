package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.io.Sha256;
import dev.ailab.deployment.state.FileAction;
import dev.ailab.deployment.state.FileChange;
import dev.ailab.generators.charts.ChartResolver;
import dev.ailab.generators.charts.UpstreamChart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated repository per sources.mode: in every airgapped mode no file names a host
 * outside the configured mirrors, charts come from the mirror or are vendored, and switching
 * modes changes exactly the files whose chart sources change.
 */
class SourcesModeOutputTest {
    private static final Pattern URL = Pattern.compile("\\b([a-z][a-z0-9+.-]*)://([^\\s\"'<>)`/]+)");
    /** A YAML key that holds an image reference or its registry, with the value (quoted or not). */
    private static final Pattern IMAGE = Pattern.compile("(?m)^\\s*-?\\s*(image|repository|registry|initImage): *[\"']?([^\\s\"'#]+)");
    private static final String BASE = """
            project_name: offline-lab
            environment: staging
            clusters:
              - name: edge
                domain: edge.lab.internal
                size: medium
                vector_store: qdrant
                cerbos_enabled: true
            github:
              owner: lab
              api_url: https://ghe.lab.internal/api/v3
            """;

    @TempDir
    Path home;

    /** Every host a URL in the generated files names. */
    private static Set<String> hosts(GeneratedRepository repo) {
        Set<String> hosts = new TreeSet<>();
        repo.files().forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            // A JSON Schema's "$schema" is the name of its dialect, which Helm knows; it is never fetched.
            text = text.replace("\"$schema\": \"https://json-schema.org/", "\"$schema\": \"");
            Matcher m = URL.matcher(text);
            while (m.find()) {
                hosts.add(URI.create(m.group(1) + "://" + m.group(2)).getHost() + "  (" + path + ")");
            }
            // image references name their registry without a scheme: registry.example:5000/path:tag
            Matcher i = IMAGE.matcher(text);
            while (i.find()) {
                String ref = i.group(2);
                // a registry key holds nothing but a host (Weaviate's image.registry)
                String rest = i.group(1).equals("registry") ? "" : dev.ailab.generators.charts.ImageKeys.withoutHost(ref);
                if (!rest.equals(ref) && !ref.contains("://")) {
                    String host = rest.isEmpty() ? ref : ref.substring(0, ref.length() - rest.length() - 1);
                    hosts.add(host.replaceFirst(":\\d+$", "") + "  (" + path + ", image)");
                }
            }
        });
        return hosts;
    }

    private static Set<String> bareHosts(Set<String> withPaths) {
        Set<String> bare = new TreeSet<>();
        withPaths.forEach(h -> bare.add(h.substring(0, h.indexOf(' '))));
        return bare;
    }

    private GeneratedRepository generate(String sources) {
        return generate(BASE, sources);
    }

    private GeneratedRepository generate(String base, String sources) {
        Path file = Fixtures.write(home, "vw.yaml", base + sources);
        var config = new Vectorweight(Fixtures.loader(home)).validate(file);
        return new VectorweightGenerator().generate(config, home);
    }

    /** A packaged chart as helm package lays it out: CHART/Chart.yaml and a template. */
    static byte[] chartTgz(UpstreamChart chart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            entry(tar, chart.chart + "/Chart.yaml", "apiVersion: v2\nname: " + chart.chart + "\nversion: " + chart.version + "\n");
            entry(tar, chart.chart + "/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        }
        return bytes.toByteArray();
    }

    private static void entry(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(b.length);
        tar.putArchiveEntry(e);
        tar.write(b);
        tar.closeArchiveEntry();
    }

    @Test
    void internetModeKeepsTheUpstreamRepositories() {
        Set<String> hosts = bareHosts(hosts(generate("")));
        assertThat(hosts).contains("qdrant.github.io", "argoproj.github.io");
    }

    @Test
    void airgappedGitNamesOnlyTheMirrorsAndSourcesChartsFromTheMirrorsFolders() {
        GeneratedRepository repo = generate("""
                sources:
                  mode: airgapped_git
                  git_mirror: https://git.lab.internal/mirrors/charts.git
                  image_registry: registry.lab.internal:5000
                """);
        assertThat(bareHosts(hosts(repo))).as(hosts(repo).toString())
                .isSubsetOf("git.lab.internal", "ghe.lab.internal", "registry.lab.internal", "kubernetes.default.svc");
        String app = new String(repo.files().get("argocd/apps/edge/qdrant.yaml"), StandardCharsets.UTF_8);
        assertThat(app).contains("repoURL: https://git.lab.internal/mirrors/charts.git",
                "path: charts/qdrant/" + UpstreamChart.QDRANT.version).doesNotContain("chart: qdrant");
        String deploy = new String(repo.files().get("deploy.sh"), StandardCharsets.UTF_8);
        assertThat(deploy).contains("git clone --quiet --depth 1 \"$ARGOCD_CHART_REPO\"",
                "\"$chart_src/charts/argo-cd/" + UpstreamChart.ARGO_CD.version + "\"").doesNotContain("--repo");
        assertThat(repo.warnings()).noneMatch(w -> w.contains("airgapped"));
    }

    @Test
    void aChartRepositoryTakesThePlaceOfEveryUpstreamOne() {
        GeneratedRepository repo = generate("""
                sources:
                  mode: local
                  local_path: charts
                  chart_repository: oci://registry.lab.internal:5000/charts
                  image_registry: registry.lab.internal:5000
                """);
        assertThat(bareHosts(hosts(repo))).isSubsetOf("ghe.lab.internal", "registry.lab.internal", "kubernetes.default.svc");
        assertThat(new String(repo.files().get("argocd/apps/edge/cerbos.yaml"), StandardCharsets.UTF_8))
                .contains("repoURL: oci://registry.lab.internal:5000/charts", "chart: cerbos");
    }

    @Test
    void airgappedArchiveVendorsTheChartsOfTheBundleIntoTheRepository() throws IOException {
        Path bundle = home.resolve("lab.bundle");
        try (OutputStream raw = Files.newOutputStream(bundle); TarArchiveOutputStream tar = new TarArchiveOutputStream(raw)) {
            for (UpstreamChart u : UpstreamChart.values()) {
                byte[] tgz = chartTgz(u);
                TarArchiveEntry e = new TarArchiveEntry("charts/" + ChartResolver.packageName(u));
                e.setSize(tgz.length);
                tar.putArchiveEntry(e);
                tar.write(tgz);
                tar.closeArchiveEntry();
            }
        }
        GeneratedRepository repo = generate("""
                sources:
                  mode: airgapped_archive
                  archive: lab.bundle
                  archive_sha256: %s
                  image_registry: registry.lab.internal:5000
                """.formatted(Sha256.ofFile(bundle)));
        assertThat(bareHosts(hosts(repo))).isSubsetOf("ghe.lab.internal", "registry.lab.internal", "kubernetes.default.svc");
        String vendored = "charts/qdrant/" + UpstreamChart.QDRANT.version;
        assertThat(repo.files()).containsKey(vendored + "/Chart.yaml").containsKey(vendored + "/templates/cm.yaml");
        String app = new String(repo.files().get("argocd/apps/edge/qdrant.yaml"), StandardCharsets.UTF_8);
        assertThat(app).contains("repoURL: https://ghe.lab.internal/lab/offline-lab-deployment.git", "path: " + vendored);
        assertThat(new String(repo.files().get("deploy.sh"), StandardCharsets.UTF_8))
                .contains("helm upgrade --install argocd \"$here/charts/argo-cd/" + UpstreamChart.ARGO_CD.version + "\"");
    }

    @Test
    void switchingInternetToAirgappedGitChangesExactlyTheFilesWhoseSourcesChangeAndPlanShowsIt() {
        Set<String> changed = switchToAirgappedGit("");
        // Every Application of an upstream chart, the project's allowed sources, the bootstrap
        // script, the README's chart table, Renovate's registry, and the values of every
        // upstream chart (their images now come from the site's registry); the base chart stays.
        assertThat(changed).contains("argocd/apps/edge/qdrant.yaml", "argocd/apps/edge/cerbos.yaml", "argocd/apps/argocd.yaml",
                "argocd/project.yaml", "deploy.sh", "README.md", "renovate.json",
                "values/argocd.yaml", "clusters/edge/values/qdrant.yaml", "clusters/edge/values/cerbos.yaml");
        assertThat(changed).allMatch(p -> p.startsWith("argocd/") || p.matches("clusters/edge/values/(qdrant|cerbos)\\.yaml")
                        || Set.of("deploy.sh", "README.md", "renovate.json", "values/argocd.yaml").contains(p),
                "only files that name chart sources, images or the repository");
    }

    @Test
    void switchingFluxToAirgappedGitChangesExactlyTheSourcesReleasesAndValues() {
        Set<String> changed = switchToAirgappedGit("gitops:\n  engine: flux\n");
        // the HelmRepositories go, the mirror's GitRepository comes, every release and the
        // GitRepository of this repository (it moves inside the site) change
        assertThat(changed).contains("flux/edge/sources/qdrant.yaml", "flux/edge/sources/cerbos.yaml",
                "flux/edge/sources/" + FluxObjects.MIRROR + ".yaml", "flux/edge/releases/qdrant.yaml",
                "flux/edge/releases/cerbos.yaml", "flux/edge/flux-system/source.yaml", "deploy.sh", "README.md",
                "clusters/edge/values/qdrant.yaml", "clusters/edge/values/cerbos.yaml");
        assertThat(changed).allMatch(p -> p.startsWith("flux/edge/sources/") || p.startsWith("flux/edge/releases/")
                        || p.equals("flux/edge/flux-system/source.yaml") || p.matches("clusters/edge/values/(qdrant|cerbos)\\.yaml")
                        || Set.of("deploy.sh", "README.md", "renovate.json").contains(p),
                "only files that name chart sources, images or the repository");
        assertThat(changed).doesNotContain("flux/edge/releases/base.yaml", "clusters/edge/values/base.yaml");
    }

    /** Generates {@code BASE + extra}, switches it to airgapped_git; the changed paths the plan shows (it then applies them). */
    private Set<String> switchToAirgappedGit(String extra) {
        Vectorweight vw = new Vectorweight(Fixtures.loader(home));
        Path out = home.resolve("out");
        Path file = Fixtures.write(home, "vw.yaml", BASE + extra);
        vw.generate(file, out, home, false);
        assertThat(vw.plan(file, out, home).plan().upToDate()).isTrue();

        Fixtures.write(home, "vw.yaml", BASE + extra + """
                sources:
                  mode: airgapped_git
                  git_mirror: https://git.lab.internal/mirrors/charts.git
                  image_registry: registry.lab.internal:5000
                """);
        List<FileChange> changes = vw.plan(file, out, home).plan().changes();
        Set<String> changed = new TreeSet<>();
        changes.stream().filter(c -> c.action() != FileAction.UNCHANGED).forEach(c -> changed.add(c.path()));
        // Applying it and planning again: nothing left to do.
        vw.generate(file, out, home, false);
        assertThat(vw.plan(file, out, home).plan().upToDate()).isTrue();
        return changed;
    }

    @Test
    void everyModeAndEngineNamesOnlyTheMirrorsAndEveryImageIsOnTheSitesRegistry() throws IOException {
        Path charts = Files.createDirectories(home.resolve("charts"));
        for (UpstreamChart u : UpstreamChart.values()) {
            Files.write(charts.resolve(ChartResolver.packageName(u)), chartTgz(u));
        }
        String registry = "  image_registry: registry.lab.internal:5000\n";
        Map<String, String> modes = new java.util.LinkedHashMap<>();
        modes.put("airgapped_git", "sources:\n  mode: airgapped_git\n  git_mirror: https://git.lab.internal/mirrors/charts.git\n" + registry);
        modes.put("local", "sources:\n  mode: local\n  local_path: charts\n" + registry);
        modes.put("chart_repository", "sources:\n  mode: airgapped_git\n  git_mirror: https://git.lab.internal/mirrors/charts.git\n"
                + "  chart_repository: https://charts.lab.internal/stable\n" + registry);
        modes.put("oci", "sources:\n  mode: local\n  local_path: charts\n  chart_repository: oci://registry.lab.internal:5000/charts\n"
                + registry);
        for (String engine : List.of("argocd", "flux")) {
            for (Map.Entry<String, String> mode : modes.entrySet()) {
                GeneratedRepository repo = generate(ImageRewriteTest.CLUSTERS, "gitops:\n  engine: " + engine + "\n" + mode.getValue());
                Set<String> hosts = hosts(repo);
                assertThat(bareHosts(hosts)).as(engine + " " + mode.getKey() + ": " + hosts)
                        .isSubsetOf("git.lab.internal", "charts.lab.internal", "ghe.lab.internal", "registry.lab.internal",
                                "kubernetes.default.svc");
                // the image references are seen (on the site's registry), in the values of every upstream chart
                assertThat(hosts).as(engine + " " + mode.getKey())
                        .contains("registry.lab.internal  (clusters/gpu/values/gpu-operator.yaml, image)",
                                "registry.lab.internal  (clusters/dev/values/chroma.yaml, image)",
                                "registry.lab.internal  (clusters/gpu/values/weaviate.yaml, image)");
            }
        }
    }

    @Test
    void theImageScanSeesAnOutsideRegistry() {
        GeneratedRepository repo = generate(ImageRewriteTest.AIRGAPPED_GIT);
        java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>(repo.files());
        files.put("clusters/edge/overrides/qdrant.yaml", "image:\n  repository: docker.io/qdrant/qdrant\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bareHosts(hosts(new GeneratedRepository(files, List.of())))).contains("docker.io");
    }
}
