package dev.ailab.generators.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpServer;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.io.Sha256;
import dev.ailab.core.testing.RequiredTool;
import dev.ailab.generators.charts.UpstreamChart;
import dev.ailab.generators.vectorweight.Fixtures;
import dev.ailab.generators.vectorweight.Vectorweight;
import dev.ailab.sources.network.NetworkSourceHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bundle create with charts from an OCI registry: the charts pushed by helm-java's push into
 * the real docker-registry on loopback (.ci/setup.d/40-registry.sh), pulled through the
 * registry API; and a registry stand-in that serves a blob other than the one its manifest
 * names, which must be refused.
 */
class OciChartsTest {
    @TempDir
    Path home;

    @Test
    void chartsPushedToARealRegistryAreBundledWithTheirDigests() throws IOException {
        String registry = System.getenv("AI_LAB_TEST_REGISTRY");
        RequiredTool.available("registry", registry != null, "AI_LAB_TEST_REGISTRY is not set (run .ci/setup.d/40-registry.sh)");
        List<UpstreamChart> charts = List.of(UpstreamChart.ARGO_CD, UpstreamChart.QDRANT, UpstreamChart.CERBOS);
        String repository = "oci://" + registry + "/charts-" + Long.toHexString(System.nanoTime());
        try (HelmRepoServer made = new HelmRepoServer(home.resolve("made"), charts)) {
            for (UpstreamChart c : charts) {
                Path tgz = made.root.resolve(c.chart + "-" + c.version + ".tgz");
                Helm.push().withChart(tgz).withRemote(URI.create(repository)).plainHttp().call();
            }
            Path file = Fixtures.write(home, "vw.yaml", BundleRoundTripTest.CONFIG);
            ToolkitConfig config = new Vectorweight(Fixtures.loader(home)).validate(file);
            BundleCreator.Created created = new BundleCreator(new NetworkSourceHandler(Map.of()), "test", BundleProgress.NONE)
                    .create(config, BundleRoundTripTest.CONFIG.getBytes(StandardCharsets.UTF_8), home, home.resolve("oci.bundle"),
                            new BundleCreator.Options(repository, false, null, null));
            assertThat(created.manifest().charts()).extracting(BundleManifest.Chart::name).containsExactly("argo-cd", "qdrant", "cerbos");
            for (BundleManifest.Chart c : created.manifest().charts()) {
                assertThat(c.source()).isEqualTo(repository);
                assertThat(c.sha256()).as("the package helm pushed, byte for byte")
                        .isEqualTo(Sha256.ofFile(made.root.resolve(c.file().substring(BundleCreator.CHARTS.length()))));
            }
            assertThat(made.requests.get()).as("nothing came from the Helm repository").isZero();
            assertThat(created.manifest().images()).extracting(BundleManifest.Image::reference).contains("nginx:1.27.0");
            assertThat(new BundleVerifier().verify(created.file()).problems()).isEmpty();

            assertThatThrownBy(() -> new OciCharts(new NetworkSourceHandler(Map.of()))
                    .pull(repository, "weaviate", UpstreamChart.WEAVIATE.version, home.resolve("w.tgz")))
                    .isInstanceOf(ExternalSystemException.class).hasMessageContaining("has no chart")
                    .hasMessageContaining("weaviate");
        }
    }

    @Test
    void aBlobThatIsNotTheOneTheManifestNamesIsRefusedAndNotKept() throws IOException {
        byte[] chart = "not the chart".getBytes(StandardCharsets.UTF_8);
        String named = "sha256:" + Sha256.of("the real chart".getBytes(StandardCharsets.UTF_8));
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"layers\":[{"
                + "\"mediaType\":\"" + OciCharts.CHART_LAYER + "\",\"digest\":\"" + named + "\",\"size\":13}]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/v2/charts/qdrant/manifests/1.0.0") ? manifest
                    : path.equals("/v2/charts/qdrant/blobs/" + named) ? chart : null;
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        try {
            Path target = home.resolve("qdrant.tgz");
            assertThatThrownBy(() -> new OciCharts(new NetworkSourceHandler(Map.of()))
                    .pull("oci://127.0.0.1:" + server.getAddress().getPort() + "/charts", "qdrant", "1.0.0", target))
                    .isInstanceOf(ExternalSystemException.class).hasMessageContaining("expected " + named.substring(7));
            assertThat(target).doesNotExist();
        } finally {
            server.stop(0);
        }
    }
}
