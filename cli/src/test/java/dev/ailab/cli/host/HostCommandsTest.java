package dev.ailab.cli.host;

import dev.ailab.deployment.podman.FakePodman;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host commands end to end, in-process, over a temporary base folder and the podman stand-in. */
class HostCommandsTest {
    @TempDir
    Path home;
    Path base;
    FakePodman fake;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() throws Exception {
        base = home.resolve("ai");
        fake = new FakePodman(home);
        Files.createDirectories(home.resolve(".ai-lab"));
        Files.writeString(home.resolve(".ai-lab/config.yaml"), "deployment:\n  pod: ai-agents\n  agents: [claude, grok]\n");
    }

    private CliHarness cli() {
        return CliHarness.aiLab(home).env("AI_LAB_DEPLOY_DIR", base.toString())
                .env("PATH", fake.binDir() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    private CliHarness.Result run(String... args) {
        return cli().run(args);
    }

    @Test
    void aRelativeDeploymentFolderIsRefusedBeforeAnythingIsCreated() throws Exception {
        Path work = Files.createDirectories(home.resolve("somewhere"));
        CliHarness.Result r = cli().env("AI_LAB_DEPLOY_DIR", "ai-here").workingDir(work).run("secrets", "init");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("AI_LAB_DEPLOY_DIR").contains("deployment.base_dir must be an absolute path, found 'ai-here'")
                .contains("hint:");
        assertThat(work.resolve("ai-here")).doesNotExist();
        Files.writeString(home.resolve(".ai-lab/config.yaml"), "deployment:\n  pod: ai-agents\n  backup_dir: backups\n");
        r = cli().run("backup", "list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(home.resolve(".ai-lab/config.yaml") + ":3:15: deployment.backup_dir must be an absolute path");
    }

    private CliHarness.Result set(String agent, String value) {
        return cli().stdin(value).run("secrets", "set", agent);
    }

    @Test
    void secretsLifecycle() throws Exception {
        CliHarness.Result r = run("secrets", "set", "claude");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("no age identity").contains("hint: create one with 'ai-lab secrets init'");

        r = run("secrets", "init", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode init = json.readTree(r.out());
        assertThat(init.get("recipient").asText()).startsWith("age1");
        assertThat(Files.getPosixFilePermissions(base.resolve("age/identity.txt"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(run("secrets", "init").exitCode()).isEqualTo(1);

        assertThat(set("claude", "sk-claude-1\n").exitCode()).isZero();
        assertThat(set("grok", "sk-grok-1").exitCode()).isZero();
        // Overwriting needs intent: a script gets exit 1 and the old secret stays; --force replaces it.
        CliHarness.Result again = set("claude", "sk-claude-typo\n");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).contains("a secret for claude already exists").contains("hint: add --force");
        assertThat(cli().stdin("sk-claude-1\n").run("secrets", "set", "claude", "--force").exitCode()).isZero();
        r = set("gemini", "");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("empty");
        assertThat(run("secrets", "set", "../etc").exitCode()).isEqualTo(2);

        r = run("secrets", "list", "--output", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode list = json.readTree(r.out());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("agent").asText()).isEqualTo("claude");
        assertThat(list.get(0).get("mode").asText()).isEqualTo("0600");
        assertThat(r.out()).doesNotContain("sk-claude-1");
        assertThat(run("secrets", "list").out()).contains("claude").contains("binary");

        r = run("secrets", "verify");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("claude").contains("ok").doesNotContain("sk-claude");

        r = run("secrets", "get", "claude");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("sk-claude-1");
        r = cli().interactive(true).run("secrets", "get", "claude");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("refusing to print").contains("--reveal");
        assertThat(cli().interactive(true).run("secrets", "get", "claude", "--reveal").out()).isEqualTo("sk-claude-1");

        r = run("secrets", "rotate");
        assertThat(r.exitCode()).isEqualTo(2);
        r = run("secrets", "rotate", "--new-identity");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("re-encrypted 2 secrets").contains("previous identity kept as");
        assertThat(run("secrets", "get", "grok").out()).isEqualTo("sk-grok-1");
    }

    @Test
    void secretsBadInput() throws Exception {
        run("secrets", "init");
        set("claude", "v1");
        set("grok", "v2");
        // Loose permissions: warned, verify fails, --fix repairs.
        Path claude = base.resolve("secrets/claude.age");
        Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rw-r--r--"));
        CliHarness.Result r = run("secrets", "verify");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("loose-permissions").contains("0644");
        r = run("secrets", "get", "claude");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("warning:").contains("0644");
        r = run("secrets", "verify", "--fix");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.getPosixFilePermissions(claude)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // Tampered file.
        byte[] b = Files.readAllBytes(claude);
        b[b.length - 4] ^= 0x20;
        Files.write(claude, b);
        r = run("secrets", "verify", "claude", "--output", "json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(json.readTree(r.out()).get("secrets").get(0).get("status").asText()).isEqualTo("undecryptable");
        r = run("secrets", "get", "claude");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("cannot decrypt").doesNotContain("at dev.ailab");

        // Rotation refuses and changes nothing while one secret is broken.
        byte[] identity = Files.readAllBytes(base.resolve("age/identity.txt"));
        r = run("secrets", "rotate", "--new-identity");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("nothing was changed");
        assertThat(Files.readAllBytes(base.resolve("age/identity.txt"))).isEqualTo(identity);
        assertThat(Files.readAllBytes(claude)).isEqualTo(b);

        // Wrong identity.
        Path other = home.resolve("other.txt");
        Files.writeString(other, "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX\n");
        r = run("secrets", "get", "grok", "--identity", other.toString());
        assertThat(r.exitCode()).as("a wrong identity is 1 (docs/host.md, secrets)\n" + r).isEqualTo(1);
        assertThat(r.err()).contains("cannot decrypt").contains("wrong identity?");
        assertThat(r.out()).isEmpty();
        // Missing identity.
        Files.delete(base.resolve("age/identity.txt"));
        r = run("secrets", "verify");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no age identity");
    }

    @Test
    void backupsEndToEnd() throws Exception {
        Files.createDirectories(base.resolve("config"));
        Files.writeString(base.resolve("config/pod.yaml"), "pod: ai-agents\n");
        run("secrets", "init");
        set("claude", "backup-me");
        CliHarness.Result r = run("backup", "create", "--include-secrets", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode created = json.readTree(r.out());
        assertThat(created.get("includes_secrets").asBoolean()).isTrue();
        Path archive = Path.of(created.get("file").asText());
        assertThat(archive.getParent()).isEqualTo(base.resolve("backups"));

        r = run("backup", "list");
        assertThat(r.out()).contains(archive.getFileName().toString()).contains("yes");
        r = run("backup", "info", archive.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("included (encrypted)").contains("config/").contains("secrets/");
        r = run("backup", "verify", archive.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("ok: ");

        Files.writeString(base.resolve("config/pod.yaml"), "pod: changed\n");
        Files.writeString(base.resolve("config/later.txt"), "after the backup\n");
        r = run("backup", "restore", archive.toString(), "--dry-run");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("would replace config/pod.yaml").contains("would remove config/later.txt");
        assertThat(base.resolve("config/pod.yaml")).hasContent("pod: changed");
        r = run("backup", "restore", archive.toString(), "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode restored = json.readTree(r.out());
        assertThat(restored.get("removed").toString()).isEqualTo("[\"config/later.txt\"]");
        assertThat(restored.get("kept_aside_bytes").asLong()).isPositive();
        assertThat(base.resolve("config/pod.yaml")).hasContent("pod: ai-agents");
        assertThat(base.resolve("config/later.txt")).doesNotExist();
        assertThat(run("secrets", "get", "claude").out()).isEqualTo("backup-me");
        // --undo brings the edited and the later file back.
        assertThat(run("backup", "restore", archive.toString(), "--undo").exitCode()).isEqualTo(2);
        r = run("backup", "restore", "--undo");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("undid the restore kept in " + restored.get("kept_aside").asText()).contains("kept in");
        assertThat(base.resolve("config/pod.yaml")).hasContent("pod: changed");
        assertThat(base.resolve("config/later.txt")).hasContent("after the backup");
        r = run("backup", "restore", archive.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("deleted the older kept folder").contains("kept in");

        // A flipped byte: verify exit 1, restore refuses and changes nothing.
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length - 40] ^= 0x04;
        Files.write(archive, bytes);
        Files.writeString(base.resolve("config/pod.yaml"), "pod: current\n");
        r = run("backup", "verify", archive.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("DAMAGED");
        r = run("backup", "restore", archive.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("nothing was restored");
        assertThat(base.resolve("config/pod.yaml")).hasContent("pod: current");
        // Truncated.
        Files.write(archive, java.util.Arrays.copyOf(bytes, 100));
        r = run("backup", "verify", archive.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err() + r.out()).contains("truncated or corrupt");
        assertThat(r.err()).doesNotContain("at org.apache");
        // Not there at all.
        assertThat(run("backup", "info", home.resolve("nope.tar.gz").toString()).exitCode()).isEqualTo(2);

        // Prune.
        assertThat(run("backup", "prune", "--keep", "0").exitCode()).isEqualTo(2);
        r = run("backup", "prune", "--keep", "1");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void unknownBackupFormatVersionIsExit2() throws Exception {
        Path archive = home.resolve("future.tar.gz");
        byte[] manifest = "{\"format_version\": 9, \"entries\": []}".getBytes();
        try (var out = Files.newOutputStream(archive);
             var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                     new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out))) {
            var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("ai-lab-backup-manifest.json");
            e.setSize(manifest.length);
            tar.putArchiveEntry(e);
            tar.write(manifest);
            tar.closeArchiveEntry();
        }
        for (String verb : new String[] {"verify", "restore", "info"}) {
            CliHarness.Result r = run("backup", verb, archive.toString());
            assertThat(r.exitCode()).as(verb).isEqualTo(2);
            assertThat(r.err()).contains("format version 9");
        }
    }

    @Test
    void deployStatusExitCodesFollowTheState() throws Exception {
        CliHarness.Result r = run("deploy", "status");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("state:    not-installed").contains("next: ai-lab secrets init");

        run("secrets", "init");
        set("claude", "c");
        r = run("deploy", "status", "--output", "json");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode s = json.readTree(r.out());
        assertThat(s.get("state").asText()).isEqualTo("needs-secrets");
        assertThat(s.get("next").asText()).isEqualTo("ai-lab secrets set grok < FILE");

        set("grok", "g");
        r = run("deploy", "status");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("state:    degraded").contains("next: ai-lab deploy restart grok");

        fake.allRunning();
        r = run("deploy", "status", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        s = json.readTree(r.out());
        assertThat(s.get("state").asText()).isEqualTo("running");
        assertThat(s.get("agents").get(0).get("container").asText()).isEqualTo("ai-agents-claude");
        assertThat(s.get("podman").get("version").asText()).isEqualTo("4.3.1");
        assertThat(fake.calls()).allSatisfy(c -> assertThat(c).doesNotContain("secret").doesNotContain("AGE-SECRET"));
    }

    @Test
    void containersRestartAndLogsGoThroughPodman() throws Exception {
        CliHarness.Result r = run("deploy", "containers");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("ai-agents-claude").contains("claude").contains("running").contains("exited (3)");
        r = run("deploy", "containers", "--output", "json");
        assertThat(json.readTree(r.out())).hasSize(2);

        r = run("deploy", "restart", "claude");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("restarted ai-agents-claude");
        r = run("deploy", "restart");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("restarted pod ai-agents");
        r = run("deploy", "logs", "claude", "--tail", "7");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("hello-claude\nsecond line\n");
        assertThat(fake.calls()).contains("restart ai-agents-claude", "pod restart ai-agents", "logs --tail 7 ai-agents-claude");

        r = run("deploy", "restart", "gemini");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no container for agent gemini");
        r = run("deploy", "logs", "--tail", "3", "-Rf");
        assertThat(r.exitCode()).isEqualTo(2);
        r = run("deploy", "restart", "x;reboot");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(fake.calls()).noneMatch(c -> c.contains("reboot"));
    }

    @Test
    void podmanMissingOrHangingIsExit3() throws Exception {
        CliHarness.Result r = CliHarness.aiLab(home).env("AI_LAB_DEPLOY_DIR", base.toString()).env("PATH", home.toString())
                .run("deploy", "containers");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("podman is not installed").contains("hint:");

        fake.delay(30);
        long start = System.nanoTime();
        r = run("deploy", "restart", "claude", "--timeout", "1");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("did not answer within 1 s");
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(10);

        run("secrets", "init");
        r = run("deploy", "status", "--timeout", "1");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void everyHostCommandHasHelpWithAnExample() {
        for (String[] cmd : new String[][] {
                {"deploy", "status"}, {"deploy", "containers"}, {"deploy", "restart"}, {"deploy", "logs"},
                {"secrets", "init"}, {"secrets", "set"}, {"secrets", "list"}, {"secrets", "verify"}, {"secrets", "rotate"},
                {"secrets", "get"}, {"backup", "create"}, {"backup", "list"}, {"backup", "info"}, {"backup", "verify"},
                {"backup", "restore"}, {"backup", "prune"}}) {
            CliHarness.Result r = run(Stream.concat(Stream.of(cmd), Stream.of("--help")).toArray(String[]::new));
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Examples:").contains("ai-lab " + cmd[0]);
        }
    }
}
