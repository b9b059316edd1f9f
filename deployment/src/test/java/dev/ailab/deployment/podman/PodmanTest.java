package dev.ailab.deployment.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodmanTest {
    @TempDir
    Path tmp;
    FakePodman fake;
    Podman podman;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakePodman(tmp);
        podman = Podman.locate(fake.env(), Duration.ofSeconds(10));
    }

    @Test
    void findsTheStandInFirstOnPath() {
        assertThat(podman.executable()).isEqualTo(fake.binDir().resolve("podman"));
        assertThat(podman.version()).isEqualTo("4.3.1");
    }

    @Test
    void listsThePodsContainersWithStateAndStartTime() throws Exception {
        List<ContainerInfo> containers = podman.containers("ai-agents");
        assertThat(containers).extracting(ContainerInfo::name).containsExactlyInAnyOrder("ai-agents-claude", "ai-agents-grok");
        ContainerInfo claude = containers.stream().filter(c -> c.name().equals("ai-agents-claude")).findFirst().orElseThrow();
        assertThat(claude.running()).isTrue();
        assertThat(claude.image()).isEqualTo("localhost/ailab-test-busybox:latest");
        assertThat(claude.startedAt()).isNotNull();
        assertThat(claude.uptimeSeconds(claude.startedAt().plusSeconds(42))).isEqualTo(42);
        ContainerInfo grok = containers.stream().filter(c -> c.name().equals("ai-agents-grok")).findFirst().orElseThrow();
        assertThat(grok.state()).isEqualTo("exited");
        assertThat(grok.status()).isEqualTo("exited (3)");
        assertThat(grok.uptimeSeconds(Instant.now())).isEqualTo(-1);
        assertThat(fake.calls()).containsExactly(
                "ps --all --filter pod=ai-agents --format json",
                "container inspect --format json ai-agents-claude ai-agents-grok");
    }

    @Test
    void podLookupAndRestartsPassNamesAsSingleArguments() throws Exception {
        assertThat(podman.pod("ai-agents")).hasValueSatisfying(p -> {
            assertThat(p.status()).isEqualTo("Degraded");
            assertThat(p.containers()).isEqualTo(2);
        });
        assertThat(podman.pod("other")).isEmpty();
        podman.restartContainer("ai-agents-claude");
        podman.restartPod("ai-agents");
        assertThat(podman.logs("ai-agents-claude", 5)).isEqualTo("hello-claude\nsecond line\n");
        assertThat(fake.calls()).containsExactly(
                "pod ps --format json", "pod ps --format json",
                "restart ai-agents-claude",
                "pod ps --format json", "pod restart ai-agents",
                "logs --tail 5 ai-agents-claude");
    }

    @Test
    void badNamesNeverReachPodman() throws Exception {
        for (String bad : new String[] {"--all", "a;rm -rf /", "../x", "Claude", "a b", ""}) {
            assertThatThrownBy(() -> podman.restartContainer(bad)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> podman.logs(bad, 1)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> podman.containers(bad)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void aHangingPodmanIsKilledAtTheTimeout() throws Exception {
        fake.delay(20);
        Podman quick = Podman.locate(fake.env(), Duration.ofMillis(700));
        long start = System.nanoTime();
        assertThatThrownBy(quick::version).isInstanceOf(ExternalSystemException.class)
                .hasMessageContaining("did not answer within 700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void podmanErrorsBecomeExternalSystemErrors() throws Exception {
        fake.fail(125, "Error: cannot connect to the runtime");
        assertThatThrownBy(() -> podman.containers("ai-agents")).isInstanceOf(ExternalSystemException.class)
                .hasMessageContaining("cannot connect to the runtime");
        assertThatThrownBy(() -> podman.logs("ai-agents-claude", 3)).isInstanceOf(ExternalSystemException.class)
                .hasMessageContaining("cannot connect to the runtime");
    }

    @Test
    void garbageOutputIsAClearError() throws Exception {
        fake.answer("pod-ps.json", "this is not json {");
        assertThatThrownBy(() -> podman.pod("ai-agents")).isInstanceOf(ExternalSystemException.class).hasMessageContaining("not JSON");
    }

    @Test
    void missingPodmanIsExit3() {
        assertThat(Podman.find(Map.of("PATH", tmp.toString()))).isEmpty();
        assertThatThrownBy(() -> Podman.locate(Map.of("PATH", tmp.toString()), Duration.ofSeconds(1)))
                .isInstanceOf(ExternalSystemException.class).hasMessageContaining("not installed");
    }
}
