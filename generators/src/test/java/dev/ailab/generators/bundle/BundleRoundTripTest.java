package dev.ailab.generators.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.Sha256;
import dev.ailab.generators.charts.UpstreamChart;
import dev.ailab.generators.vectorweight.Fixtures;
import dev.ailab.generators.vectorweight.GeneratedRepository;
import dev.ailab.generators.vectorweight.Vectorweight;
import dev.ailab.generators.vectorweight.VectorweightGenerator;
import dev.ailab.sources.network.NetworkSourceHandler;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * create, verify, diff, import and generate against a Helm repository served over loopback by
 * the test, with the network handler reaching nothing else (no proxy, loopback URLs only).
 */
class BundleRoundTripTest {
    static final String CONFIG = """
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
            sources:
              mode: airgapped_archive
              archive: lab.bundle
              image_registry: registry.lab.internal:5000
            """;

    @TempDir
    static Path shared;
    static HelmRepoServer repo;

    @TempDir
    Path home;

    @BeforeAll
    static void serveCharts() throws IOException {
        repo = new HelmRepoServer(shared.resolve("repo"), List.of(UpstreamChart.ARGO_CD, UpstreamChart.QDRANT,
                UpstreamChart.CERBOS, UpstreamChart.WEAVIATE));
    }

    @AfterAll
    static void stop() {
        repo.close();
    }

    private BundleCreator.Created create(String configText, String name) {
        return create(configText, name, null);
    }

    private BundleCreator.Created create(String configText, String name, Path renderCache) {
        Path file = Fixtures.write(home, "vw.yaml", configText);
        ToolkitConfig config = new Vectorweight(Fixtures.loader(home)).validate(file);
        BundleCreator creator = new BundleCreator(new NetworkSourceHandler(Map.of()), "test", BundleProgress.NONE);
        return creator.create(config, configText.getBytes(StandardCharsets.UTF_8), home, home.resolve(name),
                new BundleCreator.Options(repo.url(), false, null, null, renderCache));
    }

    @Test
    void aSecondBundleTakesItsImagesFromTheRenderCacheUntilTheChartOrItsValuesChange() throws IOException {
        Path cache = home.resolve("cache");
        BundleCreator.Created first = create(CONFIG, "first.bundle", cache);
        List<Path> entries;
        try (var s = Files.list(cache)) {
            entries = s.sorted().toList();
        }
        assertThat(entries).as("one entry per chart rendered").hasSize(3);
        BundleCreator.Created again = create(CONFIG, "again.bundle", cache);
        assertThat(again.sha256()).as("a cached render gives the same bundle").isEqualTo(first.sha256());

        // The cache is what the second run read: an image written into every entry shows up.
        for (Path e : entries) {
            Files.writeString(e, "registry.lab.internal/from-cache:1\n" + Files.readString(e));
        }
        assertThat(create(CONFIG, "cached.bundle", cache).manifest().images()).extracting(BundleManifest.Image::reference)
                .contains("registry.lab.internal/from-cache:1");
        // A cut-short entry is a miss, not a shorter list.
        for (Path e : entries) {
            Files.writeString(e, "registry.lab.internal/from-cache:1\n");
        }
        assertThat(create(CONFIG, "cut.bundle", cache).manifest().images()).extracting(BundleManifest.Image::reference)
                .doesNotContain("registry.lab.internal/from-cache:1").contains("nginx:1.27.0");
        // Other values are another key: rendered again and remembered beside the old ones.
        create(CONFIG.replace("name: edge", "name: edge2").replace("domain: edge.lab.internal", "domain: other.lab.internal"),
                "other.bundle", cache);
        try (var s = Files.list(cache)) {
            assertThat(s.count()).isGreaterThan(3);
        }
    }

    @Test
    void aDamagedTarHeaderIsNamedAsSuch() throws IOException {
        Path bundle = create(CONFIG, "lab.bundle").file();
        Path damaged = copy(bundle, "header.bundle");
        // The name field of the config's header (the manifest names the path too, so take the last).
        byte[] all = Files.readAllBytes(damaged);
        int at = new String(all, StandardCharsets.ISO_8859_1).lastIndexOf("config/vectorweight.yaml");
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            f.seek(at);
            f.write('C');
        }
        assertThat(new BundleVerifier().verify(damaged).problems()).extracting(BundleVerifier.Problem::problem)
                .anyMatch(p -> p.contains("is damaged (its checksum does not match)"));
    }

    @Test
    void importCommitsTheGitMirrorDeterministicallyAndPushesIt() throws Exception {
        Path bundle = create(CONFIG, "lab.bundle").file();
        Path bare = home.resolve("mirror.git");
        try (var g = org.eclipse.jgit.api.Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call()) {
            assertThat(g.getRepository().isBare()).isTrue();
        }
        BundleImporter.Imported first = new BundleImporter(BundleProgress.NONE, null)
                .importTo(bundle, home.resolve("site"), null, bare.toUri().toString(), null);
        assertThat(first.mirrorCommit()).matches("[0-9a-f]{40}");
        assertThat(first.mirrorPushedTo()).isEqualTo(bare.toUri().toString());
        BundleImporter.Imported other = new BundleImporter(BundleProgress.NONE, null).importTo(bundle, home.resolve("site2"), null);
        assertThat(other.mirrorCommit()).as("the same bundle, the same commit id").isEqualTo(first.mirrorCommit());
        BundleImporter.Imported again = new BundleImporter(BundleProgress.NONE, null)
                .importTo(bundle, home.resolve("site"), null, bare.toUri().toString(), null);
        assertThat(again.mirrorCommit()).as("nothing changed: no new commit").isEqualTo(first.mirrorCommit());
        assertThat(again.configLines().get("airgapped_git")).contains("  git_mirror: " + bare.toUri());

        Path clone = home.resolve("clone");
        try (var g = org.eclipse.jgit.api.Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(clone.toFile()).call()) {
            assertThat(g.getRepository().getBranch()).isEqualTo("main");
            assertThat(g.getRepository().resolve("HEAD").name()).isEqualTo(first.mirrorCommit());
            var head = g.log().call().iterator().next();
            assertThat(head.getAuthorIdent().getWhenAsInstant().getEpochSecond()).isEqualTo(BundleTar.MTIME_MS / 1000);
        }
        for (String chart : List.of("argo-cd/" + UpstreamChart.ARGO_CD.version, "qdrant/" + UpstreamChart.QDRANT.version,
                "cerbos/" + UpstreamChart.CERBOS.version)) {
            assertThat(clone.resolve("charts/" + chart + "/Chart.yaml")).isRegularFile();
        }

        // A newer bundle is a commit on top, so the push is a fast-forward.
        Path newer = create(CONFIG.replace("vector_store: qdrant", "vector_store: weaviate"), "newer.bundle").file();
        BundleImporter.Imported next = new BundleImporter(BundleProgress.NONE, null)
                .importTo(newer, home.resolve("site"), null, bare.toUri().toString(), null);
        assertThat(next.mirrorCommit()).isNotEqualTo(first.mirrorCommit());
        try (var g = org.eclipse.jgit.api.Git.open(bare.toFile())) {
            var log = new java.util.ArrayList<String>();
            g.log().call().forEach(c -> log.add(c.name()));
            assertThat(log).containsExactly(next.mirrorCommit(), first.mirrorCommit());
        }
        assertThat(home.resolve("site/git-mirror/charts/qdrant")).as("charts the new bundle lacks are gone").doesNotExist();
    }

    @Test
    void aBundleCarriesTheChartsTheirImagesAndTheRepositoryAndIsTheSameWhenMadeAgain() throws IOException {
        BundleCreator.Created first = create(CONFIG, "lab.bundle");
        BundleManifest m = first.manifest();
        assertThat(m.charts()).extracting(BundleManifest.Chart::name).containsExactly("argo-cd", "qdrant", "cerbos");
        assertThat(m.charts()).allMatch(c -> c.source().equals(repo.url()));
        // The charts made by helm create run nginx at their appVersion: found by rendering them.
        assertThat(m.images()).extracting(BundleManifest.Image::reference)
                .containsExactly("nginx:1.27.0", "nginx:1.27.3", "nginx:1.27.5");
        assertThat(m.files()).extracting(BundleManifest.FileEntry::path)
                .contains("charts/qdrant-" + UpstreamChart.QDRANT.version + ".tgz", "config/vectorweight.yaml",
                        "repository/argocd/apps/edge/qdrant.yaml",
                        "repository/charts/qdrant/" + UpstreamChart.QDRANT.version + "/Chart.yaml")
                .isSorted();
        BundleCreator.Created again = create(CONFIG, "again.bundle");
        assertThat(again.sha256()).as("same config, same bundle bytes").isEqualTo(first.sha256());
    }

    @Test
    void verifyFindsAFlippedByteATruncationAndAnAddedFile() throws IOException {
        Path bundle = create(CONFIG, "lab.bundle").file();
        BundleVerifier.Report ok = new BundleVerifier().verify(bundle);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.filesChecked()).isEqualTo(ok.manifest().files().size());

        Path flipped = copy(bundle, "flipped.bundle");
        long at = offsetOf(flipped, "kind: Application");
        try (RandomAccessFile f = new RandomAccessFile(flipped.toFile(), "rw")) {
            f.seek(at);
            f.write('K');
        }
        assertThat(new BundleVerifier().verify(flipped).problems()).singleElement()
                .satisfies(p -> assertThat(p.problem()).startsWith("changed: its SHA-256 is"))
                .satisfies(p -> assertThat(p.path()).startsWith("repository/argocd/"));

        Path truncated = copy(bundle, "short.bundle");
        try (RandomAccessFile f = new RandomAccessFile(truncated.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertThat(new BundleVerifier().verify(truncated).problems()).extracting(BundleVerifier.Problem::problem)
                .anyMatch(p -> p.startsWith("missing: in the manifest but not in the bundle")
                        || p.startsWith("cannot be read to its end"));

        Path grown = home.resolve("grown.bundle");
        List<BundleTar.Entry> entries = new java.util.ArrayList<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(bundle))) {
            org.apache.commons.compress.archivers.tar.TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                entries.add(new BundleTar.Entry(e.getName(), null, tar.readAllBytes()));
            }
        }
        entries.add(new BundleTar.Entry("charts/extra-1.0.0.tgz", null, new byte[] {1, 2, 3}));
        BundleTar.write(grown, entries);
        assertThat(new BundleVerifier().verify(grown).problems()).containsExactly(
                new BundleVerifier.Problem("charts/extra-1.0.0.tgz", "extra: not in the manifest"));
    }

    @Test
    void diffListsTheChartsImagesAndFilesThatChanged() {
        BundleManifest old = create(CONFIG, "old.bundle").manifest();
        BundleManifest now = create(CONFIG.replace("vector_store: qdrant", "vector_store: weaviate"), "new.bundle").manifest();
        List<BundleDiff.Change> changes = BundleDiff.of(old, now);
        assertThat(changes).filteredOn(c -> c.kind().equals("chart"))
                .extracting(c -> c.name() + " " + c.change()).containsExactly("qdrant removed", "weaviate added");
        assertThat(changes).filteredOn(c -> c.kind().equals("file")).extracting(BundleDiff.Change::name)
                .contains("config/vectorweight.yaml", "charts/weaviate-" + UpstreamChart.WEAVIATE.version + ".tgz");
        assertThat(BundleDiff.of(old, old)).isEmpty();
    }

    @Test
    void importLaysOutEveryModeAndGenerateInArchiveModeIsSelfContainedAndLints() throws IOException {
        Path bundle = create(CONFIG, "lab.bundle").file();
        int served = repo.requests.get();
        BundleImporter.Imported imported = new BundleImporter(BundleProgress.NONE, null).importTo(bundle, home.resolve("site"), null);
        assertThat(home.resolve("site/charts/cerbos-" + UpstreamChart.CERBOS.version + ".tgz")).isRegularFile();
        assertThat(home.resolve("site/git-mirror/charts/cerbos/" + UpstreamChart.CERBOS.version + "/Chart.yaml")).isRegularFile();
        assertThat(home.resolve("site/repository/deploy.sh")).isRegularFile();
        assertThat(imported.registry()).isEqualTo("registry.lab.internal:5000");
        assertThat(imported.configLines().get("airgapped_archive")).contains("  archive_sha256: " + Sha256.ofFile(bundle));

        // The site's config pins the bundle; generate vendors the charts, then every chart lints.
        String pinned = CONFIG + "  archive_sha256: " + imported.bundleSha256() + "\n";
        Path file = Fixtures.write(home, "vw.yaml", pinned);
        ToolkitConfig config = new Vectorweight(Fixtures.loader(home)).validate(file);
        assertThat(OfflineCheck.missing(config, home)).isEmpty();
        GeneratedRepository out = new VectorweightGenerator().generate(config, home);
        assertThat(repo.requests.get()).as("generate reads the bundle, not the network").isEqualTo(served);
        Path dir = home.resolve("out");
        new Vectorweight(Fixtures.loader(home)).generate(file, dir, home, false);
        for (String chart : List.of("argo-cd/" + UpstreamChart.ARGO_CD.version, "qdrant/" + UpstreamChart.QDRANT.version,
                "cerbos/" + UpstreamChart.CERBOS.version)) {
            assertThat(out.files()).containsKey("charts/" + chart + "/Chart.yaml");
            var lint = new Helm(dir.resolve("charts/" + chart)).lint().strict().call();
            assertThat(lint.isFailed()).as(lint.getMessages().toString()).isFalse();
        }
        var base = new Helm(dir.resolve("charts/cluster-base")).lint().strict().call();
        assertThat(base.isFailed()).isFalse();

        // A bundle without the weaviate chart cannot serve a config that needs it.
        ToolkitConfig other = new Vectorweight(Fixtures.loader(home)).validate(Fixtures.write(home, "vw2.yaml",
                pinned.replace("vector_store: qdrant", "vector_store: weaviate")));
        assertThat(OfflineCheck.missing(other, home)).singleElement().asString().contains("chart weaviate", "not in the bundle");
    }

    @Test
    void aDamagedBundleIsNotImported() throws IOException {
        Path bundle = create(CONFIG, "lab.bundle").file();
        try (RandomAccessFile f = new RandomAccessFile(bundle.toFile(), "rw")) {
            f.seek(offsetOf(bundle, "kind: Application"));
            f.write('K');
        }
        assertThatThrownBy(() -> new BundleImporter(BundleProgress.NONE, null).importTo(bundle, home.resolve("site"), null))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("failed verification");
        assertThat(home.resolve("site/charts")).doesNotExist();
    }

    private Path copy(Path from, String name) throws IOException {
        return Files.copy(from, home.resolve(name));
    }

    private static long offsetOf(Path file, String text) throws IOException {
        byte[] all = Files.readAllBytes(file);
        String s = new String(all, StandardCharsets.ISO_8859_1);
        int i = s.indexOf(text);
        assertThat(i).isPositive();
        return i;
    }
}
