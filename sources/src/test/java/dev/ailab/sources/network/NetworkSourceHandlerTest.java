package dev.ailab.sources.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.io.Sha256;
import dev.ailab.sources.SourceHandler.SourceRequest;
import dev.ailab.sources.SourceHandler.SourceRevision;
import dev.ailab.sources.network.FaultyHttpServer.Ok;
import dev.ailab.sources.network.FaultyHttpServer.Reset;
import dev.ailab.sources.network.FaultyHttpServer.Stall;
import dev.ailab.sources.network.FaultyHttpServer.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network handler against a loopback server that stalls, resets, fails twice, or lies. */
class NetworkSourceHandlerTest {
    private static final byte[] CHART = "a chart, or any file\n".repeat(400).getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = Sha256.of(CHART);
    /** Short time-outs and back-offs so the faults take well under a second each. */
    private static final FetchPolicy QUICK = new FetchPolicy(Duration.ofMillis(500), Duration.ofMillis(300), 3,
            Duration.ofMillis(10), Duration.ofMillis(40));

    @TempDir
    Path tmp;

    private NetworkSourceHandler handler() {
        return new NetworkSourceHandler(Map.of(), QUICK);
    }

    private void nothingKept() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.toList()).as("no file and no partial file kept").isEmpty();
        }
    }

    @Test
    void fiveHundredTwiceThenTwoHundredIsRetriedAndVerified() throws IOException {
        try (FaultyHttpServer server = new FaultyHttpServer(new Status(500), new Status(503), new Ok(CHART))) {
            Path target = tmp.resolve("chart.tgz");
            SourceRevision r = handler().materialize(SourceRequest.pinned(server.url("/chart.tgz"), DIGEST), target);
            assertThat(target).hasBinaryContent(CHART);
            assertThat(r.sha256()).isEqualTo(DIGEST);
            assertThat(r.bytes()).isEqualTo(CHART.length);
            assertThat(r.location()).isEqualTo(server.url("/chart.tgz"));
            assertThat(server.requestLines).hasSize(3);
        }
    }

    @Test
    void aStallingServerIsGivenUpOnAfterTheBoundedAttempts() throws Exception {
        try (FaultyHttpServer server = new FaultyHttpServer(new Stall(CHART))) {
            ExternalSystemException e = catchThrowableOfType(ExternalSystemException.class,
                    () -> handler().materialize(SourceRequest.pinned(server.url("/c.tgz"), DIGEST), tmp.resolve("c.tgz")));
            assertThat(e.exitCode()).isEqualTo(ExitCodes.EXTERNAL);
            assertThat(e.getMessage()).contains("after 3 attempts", "no data for 300 ms");
            assertThat(server.requestLines(3, Duration.ofSeconds(5))).hasSize(3);
            nothingKept();
        }
    }

    @Test
    void aResetIsRetriedAndThenSucceeds() throws IOException {
        try (FaultyHttpServer server = new FaultyHttpServer(new Reset(), new Ok(CHART))) {
            Path target = tmp.resolve("c.tgz");
            handler().materialize(SourceRequest.pinned(server.url("/c.tgz"), DIGEST), target);
            assertThat(target).hasBinaryContent(CHART);
            assertThat(server.requestLines).hasSize(2);
        }
    }

    @Test
    void resetsEveryTimeEndWithExitThreeAndAPlainMessage() throws IOException {
        try (FaultyHttpServer server = new FaultyHttpServer(new Reset())) {
            ExternalSystemException e = catchThrowableOfType(ExternalSystemException.class,
                    () -> handler().materialize(SourceRequest.pinned(server.url("/c.tgz"), DIGEST), tmp.resolve("c.tgz")));
            assertThat(e.getMessage()).contains("after 3 attempts").doesNotContain("Exception", "java.");
            nothingKept();
        }
    }

    @Test
    void aWrongDigestIsExitThreeAndTheFileIsNotKept() throws IOException {
        try (FaultyHttpServer server = new FaultyHttpServer(new Ok("something else".getBytes(StandardCharsets.UTF_8)))) {
            ExternalSystemException e = catchThrowableOfType(ExternalSystemException.class,
                    () -> handler().materialize(SourceRequest.pinned(server.url("/c.tgz"), DIGEST), tmp.resolve("c.tgz")));
            assertThat(e.exitCode()).isEqualTo(ExitCodes.EXTERNAL);
            assertThat(e.getMessage()).contains("expected " + DIGEST, "it was not kept");
            assertThat(server.requestLines).as("a wrong digest is not retried").hasSize(1);
            nothingKept();
        }
    }

    @Test
    void aNotFoundIsNotRetried() throws IOException {
        try (FaultyHttpServer server = new FaultyHttpServer(new Status(404))) {
            ExternalSystemException e = catchThrowableOfType(ExternalSystemException.class,
                    () -> handler().materialize(SourceRequest.pinned(server.url("/c.tgz"), DIGEST), tmp.resolve("c.tgz")));
            assertThat(e.getMessage()).contains("answered 404");
            assertThat(server.requestLines).hasSize(1);
        }
    }

    @Test
    void theProxyFromTheEnvironmentIsUsedUnlessNoProxyNamesTheHost() throws IOException {
        try (FaultyHttpServer proxy = new FaultyHttpServer(new Ok(CHART))) {
            Map<String, String> env = Map.of("http_proxy", "http://127.0.0.1:" + proxy.port(), "no_proxy", "localhost,.internal");
            Path target = tmp.resolve("c.tgz");
            new NetworkSourceHandler(env, QUICK).materialize(SourceRequest.pinned("http://charts.example.invalid/c.tgz", DIGEST), target);
            assertThat(target).hasBinaryContent(CHART);
            assertThat(proxy.requestLines).containsExactly("GET http://charts.example.invalid/c.tgz HTTP/1.1");
        }
        ProxySettings s = ProxySettings.from(Map.of("https_proxy", "proxy.lab:3128", "no_proxy", "localhost,.internal,10.0.0.1"));
        assertThat(s.proxyFor(java.net.URI.create("https://charts.example.com/x"))).hasToString("http://proxy.lab:3128");
        assertThat(s.proxyFor(java.net.URI.create("https://git.lab.internal/x"))).isNull();
        assertThat(s.proxyFor(java.net.URI.create("https://10.0.0.1/x"))).isNull();
        assertThat(s.proxyFor(java.net.URI.create("http://charts.example.com/x"))).as("no http_proxy given").isNull();
    }
}
