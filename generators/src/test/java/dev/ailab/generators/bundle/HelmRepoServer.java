package dev.ailab.generators.bundle;

import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpServer;
import dev.ailab.core.io.Sha256;
import dev.ailab.generators.charts.UpstreamChart;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A Helm chart repository served over loopback HTTP: one chart per table entry, made with
 * helm-java's {@code create} (an nginx Deployment) and {@code package}, and an {@code index.yaml}
 * with each package's SHA-256, as {@code helm repo index} writes it.
 */
public final class HelmRepoServer implements AutoCloseable {
    private final HttpServer server;
    public final Path root;
    public final AtomicInteger requests = new AtomicInteger();

    public HelmRepoServer(Path root, List<UpstreamChart> charts) throws IOException {
        this(root, charts, null);
    }

    /** With {@code image} (REPOSITORY:TAG) set, every chart's values run that image instead of nginx. */
    public HelmRepoServer(Path root, List<UpstreamChart> charts, String image) throws IOException {
        this.root = root;
        Files.createDirectories(root);
        StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n");
        for (UpstreamChart c : charts) {
            Path work = root.resolve("src");
            Files.createDirectories(work);
            Helm.create().withName(c.chart).withDir(work).call();
            Path dir = work.resolve(c.chart);
            Path chartYaml = dir.resolve("Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replaceAll("(?m)^version: .*$", "version: " + c.version)
                    .replaceAll("(?m)^appVersion: .*$", "appVersion: \"1.27." + (c.ordinal()) + "\""));
            if (image != null) {
                int colon = image.lastIndexOf(':');
                Path values = dir.resolve("values.yaml");
                Files.writeString(values, Files.readString(values).replace("repository: nginx", "repository: " + image.substring(0, colon))
                        .replace("tag: \"\"", "tag: \"" + image.substring(colon + 1) + "\""));
            }
            new Helm(dir).packageIt().withDestination(root).call();
            Path tgz = root.resolve(c.chart + "-" + c.version + ".tgz");
            index.append("  ").append(c.chart).append(":\n    - name: ").append(c.chart).append("\n      version: ")
                    .append(c.version).append("\n      digest: ").append(Sha256.ofFile(tgz)).append("\n      urls:\n        - ")
                    .append(tgz.getFileName()).append('\n');
        }
        try (Stream<Path> s = Files.walk(root.resolve("src"))) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(root.resolve("index.yaml"), index.toString());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
