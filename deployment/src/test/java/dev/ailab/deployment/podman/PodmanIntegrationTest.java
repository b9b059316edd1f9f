package dev.ailab.deployment.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.config.DeploymentConfig;
import dev.ailab.core.testing.RequiredTool;
import dev.ailab.deployment.backup.BackupService;
import dev.ailab.deployment.host.HostInspector;
import dev.ailab.deployment.host.HostLayout;
import dev.ailab.deployment.host.HostState;
import dev.ailab.deployment.host.HostStatus;
import dev.ailab.deployment.secrets.SecretStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real podman, where it runs containers (see .ci/setup.d/20-podman.sh: runc, lower
 * ulimits through CONTAINERS_CONF, an image imported from busybox-static). Skipped when podman
 * cannot run a container here, failed instead when CI_REQUIRE names podman.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodmanIntegrationTest {
    private static final String DEFAULT_IMAGE = "localhost/ai-lab-test-busybox:latest";
    private final String pod = "ailab-it-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
    private Map<String, String> env;
    private Podman podman;

    @BeforeAll
    void startPod() throws Exception {
        Path exe = RequiredTool.onPath("podman");
        env = new HashMap<>(System.getenv());
        String conf = System.getenv("AI_LAB_TEST_CONTAINERS_CONF");
        if (conf != null && !conf.isBlank()) {
            env.put("CONTAINERS_CONF", conf);
        }
        String image = System.getenv().getOrDefault("AI_LAB_TEST_PODMAN_IMAGE", DEFAULT_IMAGE);
        podman = new Podman(exe, env, Duration.ofSeconds(60));
        Podman.Result exists = podman.run(List.of("image", "exists", image));
        RequiredTool.available("podman", exists.ok(), "no test image " + image + " (run .ci/setup.d/20-podman.sh)");
        Podman.Result created = podman.run(List.of("pod", "create", "--infra=false", "--name", pod));
        RequiredTool.available("podman", created.ok(), "podman pod create failed: " + created.err());
        for (String agent : List.of("claude", "grok")) {
            Podman.Result run = podman.run(List.of("run", "-d", "--pod", pod, "--name", pod + "-" + agent, "--stop-timeout", "1", "--network", "none",
                    image, "sh", "-c", "echo hello-" + agent + "; exec sleep 600"));
            if (!run.ok()) {
                stopPod();
            }
            RequiredTool.available("podman", run.ok(), "podman run failed: " + run.err().strip());
        }
    }

    @AfterAll
    void stopPod() {
        if (podman != null) {
            podman.run(List.of("pod", "rm", "--force", "--time", "0", pod));
        }
    }

    @Test
    void listsRestartsAndReadsLogsOfRealContainers() throws Exception {
        assertThat(podman.version()).matches("\\d+\\.\\d+.*");
        assertThat(podman.pod(pod)).isPresent();
        List<ContainerInfo> containers = podman.containers(pod);
        assertThat(containers).extracting(ContainerInfo::name).containsExactlyInAnyOrder(pod + "-claude", pod + "-grok");
        assertThat(containers).allSatisfy(c -> {
            assertThat(c.running()).as(c.toString()).isTrue();
            assertThat(c.startedAt()).isNotNull();
            assertThat(c.uptimeSeconds(Instant.now())).isBetween(0L, 600L);
            assertThat(c.image()).contains("busybox");
        });
        assertThat(waitForLog(pod + "-claude", "hello-claude")).isTrue();

        Instant before = containers.stream().filter(c -> c.name().endsWith("-grok")).findFirst().orElseThrow().startedAt();
        podman.restartContainer(pod + "-grok");
        ContainerInfo grok = podman.inspect(List.of(pod + "-grok")).get(0);
        assertThat(grok.running()).isTrue();
        assertThat(grok.startedAt()).isAfter(before);
    }

    private boolean waitForLog(String container, String text) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (podman.logs(container, 10).contains(text)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void hostStateFollowsTheRealContainers(@TempDir Path tmp) throws Exception {
        DeploymentConfig c = new DeploymentConfig();
        c.baseDir = tmp.resolve("ai").toString();
        c.pod = pod;
        c.agents = List.of("claude", "grok");
        c.secretsDir = c.baseDir + "/secrets";
        c.backupDir = c.baseDir + "/backups";
        HostLayout layout = HostLayout.of(c, Path::of);
        Files.createDirectories(layout.baseDir());
        List<String> warnings = new ArrayList<>();
        SecretStore secrets = new SecretStore(layout.secretsDir(), layout.identityFile(), warnings::add);
        secrets.init();
        for (String agent : c.agents) {
            secrets.set(agent, new ByteArrayInputStream(("k-" + agent).getBytes(StandardCharsets.UTF_8)), List.of(), false);
        }
        BackupService backups = new BackupService(layout, warnings::add, Clock.systemUTC(), "test");
        HostInspector inspector = new HostInspector(layout, secrets, backups, Optional.of(podman));
        HostStatus running = inspector.inspect(Instant.now());
        assertThat(running.state()).as(running.toString()).isEqualTo(HostState.RUNNING);

        assertThat(podman.run(List.of("stop", "--time", "0", pod + "-claude")).ok()).isTrue();
        try {
            HostStatus degraded = inspector.inspect(Instant.now());
            assertThat(degraded.state()).isEqualTo(HostState.DEGRADED);
            assertThat(degraded.next()).isEqualTo("ai-lab deploy restart claude");
        } finally {
            podman.restartContainer(pod + "-claude");
        }
        assertThat(inspector.inspect(Instant.now()).state()).isEqualTo(HostState.RUNNING);
    }
}
