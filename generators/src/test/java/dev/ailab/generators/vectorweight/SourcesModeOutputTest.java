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
        });
        return hosts;
    }

    private static Set<String> bareHosts(Set<String> withPaths) {
        Set<String> bare = new TreeSet<>();
        withPaths.forEach(h -> bare.add(h.substring(0, h.indexOf(' '))));
        return bare;
    }

    private GeneratedRepository generate(String sources) {
        Path file = Fixtures.write(home, "vw.yaml", BASE + sources);
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
        Vectorweight vw = new Vectorweight(Fixtures.loader(home));
        Path out = home.resolve("out");
        Path file = Fixtures.write(home, "vw.yaml", BASE);
        vw.generate(file, out, home, false);
        Set<String> before = new TreeSet<>(vw.plan(file, out, home).plan().changes().stream().map(FileChange::path).toList());

        Fixtures.write(home, "vw.yaml", BASE + """
                sources:
                  mode: airgapped_git
                  git_mirror: https://git.lab.internal/mirrors/charts.git
                  image_registry: registry.lab.internal:5000
                """);
        List<FileChange> changes = vw.plan(file, out, home).plan().changes();
        Set<String> changed = new TreeSet<>();
        changes.stream().filter(c -> c.action() != FileAction.UNCHANGED).forEach(c -> changed.add(c.path()));
        // Every Application of an upstream chart, the project's allowed sources, the bootstrap
        // script, the README's chart table and Renovate's registry; values and the base chart stay.
        assertThat(changed).contains("argocd/apps/edge/qdrant.yaml", "argocd/apps/edge/cerbos.yaml", "argocd/apps/argocd.yaml",
                "argocd/project.yaml", "deploy.sh", "README.md", "renovate.json");
        assertThat(changed).allMatch(p -> p.startsWith("argocd/") || Set.of("deploy.sh", "README.md", "renovate.json").contains(p),
                "only files that name chart sources or the repository");
        assertThat(changed).noneMatch(p -> p.startsWith("values/"));
        assertThat(before).containsAll(changed);
        // Applying it and planning again: nothing left to do.
        vw.generate(file, out, home, false);
        assertThat(vw.plan(file, out, home).plan().upToDate()).isTrue();
    }
}
