package dev.ailab.deployment.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.config.DeploymentConfig;
import dev.ailab.deployment.backup.BackupService;
import dev.ailab.deployment.podman.FakePodman;
import dev.ailab.deployment.podman.Podman;
import dev.ailab.deployment.secrets.SecretStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostInspectorTest {
    @TempDir
    Path tmp;
    HostLayout layout;
    SecretStore secrets;
    BackupService backups;
    FakePodman fake;

    @BeforeEach
    void setUp() throws Exception {
        DeploymentConfig c = new DeploymentConfig();
        c.baseDir = tmp.resolve("ai").toString();
        c.pod = "ai-agents";
        c.agents = List.of("claude", "grok");
        c.secretsDir = c.baseDir + "/secrets";
        c.backupDir = c.baseDir + "/backups";
        layout = HostLayout.of(c, Path::of);
        secrets = new SecretStore(layout.secretsDir(), layout.identityFile(), w -> { });
        backups = new BackupService(layout, w -> { }, Clock.systemUTC(), "test");
        fake = new FakePodman(tmp);
    }

    private HostStatus inspect(boolean withPodman) {
        Optional<Podman> podman = withPodman ? Optional.of(Podman.locate(fake.env(), Duration.ofSeconds(10))) : Optional.empty();
        return new HostInspector(layout, secrets, backups, podman).inspect(Instant.now());
    }

    private void set(String agent) {
        secrets.set(agent, new ByteArrayInputStream(("value-" + agent).getBytes(StandardCharsets.UTF_8)), List.of(), false);
    }

    @Test
    void walksFromNotInstalledToRunning() throws Exception {
        HostStatus s = inspect(true);
        assertThat(s.state()).isEqualTo(HostState.NOT_INSTALLED);
        assertThat(s.reason()).contains("does not exist");
        assertThat(s.next()).startsWith("ai-lab secrets init");

        Files.createDirectories(layout.baseDir());
        s = inspect(true);
        assertThat(s.state()).isEqualTo(HostState.NOT_INSTALLED);
        assertThat(s.reason()).contains("no age identity");

        secrets.init();
        assertThat(inspect(false).state()).isEqualTo(HostState.NOT_INSTALLED);
        assertThat(inspect(false).reason()).contains("podman is not installed");

        set("claude");
        s = inspect(true);
        assertThat(s.state()).isEqualTo(HostState.NEEDS_SECRETS);
        assertThat(s.next()).isEqualTo("ai-lab secrets set grok < FILE");
        assertThat(s.agents()).extracting(HostStatus.Agent::secret).containsExactly("ok", "missing");

        set("grok");
        fake.answer("pod-ps.json", "[]");
        s = inspect(true);
        assertThat(s.state()).isEqualTo(HostState.STOPPED);
        assertThat(s.reason()).contains("no pod named ai-agents");

        Files.copy(FakePodman.class.getResourceAsStream("/podman/pod-ps.json"), tmp.resolve("fake-podman/pod-ps.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        s = inspect(true);
        assertThat(s.state()).isEqualTo(HostState.DEGRADED);
        assertThat(s.next()).isEqualTo("ai-lab deploy restart grok");
        assertThat(s.agents()).extracting(HostStatus.Agent::containerState).containsExactly("running", "exited (3)");
        assertThat(s.agents().get(0).uptimeSeconds()).isNotNull();

        fake.allRunning();
        s = inspect(true);
        assertThat(s.state()).isEqualTo(HostState.RUNNING);
        assertThat(s.next()).isEqualTo("ai-lab backup create");
        backups.create(false, null);
        s = inspect(true);
        assertThat(s.next()).isNull();
        assertThat(s.lastBackup()).isNotNull();
    }

    @Test
    void aBrokenSecretNeedsSecretsEvenWhenContainersRun() throws Exception {
        secrets.init();
        set("claude");
        set("grok");
        byte[] b = Files.readAllBytes(secrets.secretFile("grok"));
        b[b.length - 2] ^= 1;
        Files.write(secrets.secretFile("grok"), b);
        fake.allRunning();
        HostStatus s = inspect(true);
        assertThat(s.state()).isEqualTo(HostState.NEEDS_SECRETS);
        assertThat(s.agents().get(1).secret()).isEqualTo("undecryptable");
        assertThat(s.next()).startsWith("ai-lab secrets verify grok");
    }

    @Test
    void loosePermissionIsAWarningNotAState() throws Exception {
        secrets.init();
        set("claude");
        set("grok");
        Files.setPosixFilePermissions(secrets.secretFile("claude"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        fake.allRunning();
        HostStatus s = inspect(true);
        assertThat(s.state()).isEqualTo(HostState.RUNNING);
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("claude").contains("0666"));
    }
}
