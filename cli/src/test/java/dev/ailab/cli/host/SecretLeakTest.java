package dev.ailab.cli.host;

import dev.ailab.deployment.podman.FakePodman;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.cli.CliHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After set, verify, rotate and backup (with -v so everything that logs, logs), the secret
 * appears in no captured output, no log file, no file of the test's folders (archives
 * decompressed too), no file the run left in the system temp folder, and no podman argument.
 */
class SecretLeakTest {
    @TempDir
    Path home;

    /** One command of the run and the exit code docs/host.md gives it. */
    private record Step(int exit, String... args) {
    }

    @Test
    void theSecretIsNowhereButInMemory() throws Exception {
        String secret = "leak-canary-" + UUID.randomUUID();
        long started = System.currentTimeMillis() - 1000;
        Path base = home.resolve("ai");
        FakePodman fake = new FakePodman(home);
        Files.createDirectories(base.resolve("config"));
        Files.writeString(base.resolve("config/pod.yaml"), "pod: ai-agents\n");
        CliHarness cli = CliHarness.aiLab(home).env("AI_LAB_DEPLOY_DIR", base.toString())
                .env("PATH", fake.binDir() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        StringBuilder captured = new StringBuilder();
        // No config file, so the agents are the default claude, grok and gemini; gemini gets no secret.
        List<Step> steps = List.of(
                new Step(0, "-v", "secrets", "init"),
                new Step(0, "-vv", "secrets", "set", "claude"),
                new Step(0, "-vv", "secrets", "set", "grok", "--armor"),
                new Step(1, "-vv", "secrets", "verify"), // 1: a check fails (gemini's secret is missing)
                new Step(0, "-vv", "secrets", "list", "--output", "json"),
                new Step(0, "-vv", "secrets", "rotate", "--new-identity"),
                new Step(1, "-vv", "secrets", "verify", "--output", "json"), // 1: gemini still missing
                new Step(0, "-vv", "backup", "create", "--include-secrets"),
                new Step(0, "-vv", "backup", "list"),
                new Step(1, "-vv", "deploy", "status", "--output", "json")); // 1: every state but running
        for (Step step : steps) {
            CliHarness.Result r = cli.stdin(secret + "\n").run(step.args());
            assertThat(r.exitCode()).as(String.join(" ", step.args()) + "\n" + r).isEqualTo(step.exit());
            captured.append(r.out()).append(r.err());
        }
        Path archive;
        try (var files = Files.list(base.resolve("backups"))) {
            archive = files.filter(p -> p.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
        }
        CliHarness.Result verify = cli.run("-vv", "backup", "verify", archive.toString());
        assertThat(verify.exitCode()).isZero();
        captured.append(verify.out()).append(verify.err());
        CliHarness.Result restore = cli.run("-vv", "backup", "restore", archive.toString());
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        captured.append(restore.out()).append(restore.err());

        // The secret is really there, readable only through the tool.
        assertThat(cli.run("secrets", "get", "claude").out()).isEqualTo(secret);

        assertThat(captured.toString()).doesNotContain(secret);
        assertThat(home.resolve(".local/state/ai-lab/toolkit.log")).exists();
        List<Path> leaks = new ArrayList<>();
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        scan(home, needle, leaks, 0);
        scanTemp(Path.of(System.getProperty("java.io.tmpdir")), needle, leaks, started);
        assertThat(leaks).as("files holding the plaintext").isEmpty();
        // The scanner itself finds a planted copy, plain or gzipped, so the emptiness above means something.
        Path planted = home.resolve("ai/state/planted.gz");
        Files.createDirectories(planted.getParent());
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(planted))) {
            gz.write(("prefix " + secret + " suffix").getBytes(StandardCharsets.UTF_8));
        }
        scan(home, needle, leaks, 0);
        assertThat(leaks).containsExactly(planted);
        assertThat(fake.calls()).isNotEmpty().noneMatch(c -> c.contains(secret));
    }

    /** The same holds for vectorweight's SOPS secrets: set, list, verify, rotate, generate. */
    @Test
    void aVectorweightSecretIsNowhereButInMemory() throws Exception {
        String secret = "leak-canary-" + UUID.randomUUID();
        long started = System.currentTimeMillis() - 1000;
        dev.ailab.deployment.secrets.AgeIdentity id = dev.ailab.deployment.secrets.AgeIdentity.generate();
        Path key = home.resolve("key.txt");
        Files.writeString(key, id.fileText(java.time.Instant.now()));
        Files.writeString(home.resolve("vw.yaml"), dev.ailab.cli.vectorweight.VectorweightSecretsTest.config("argocd", id.recipient()));
        CliHarness cli = new CliHarness(dev.ailab.cli.vectorweight.VectorweightCommand::new, home).env("SOPS_AGE_KEY_FILE", key.toString());
        StringBuilder captured = new StringBuilder();
        List<Step> steps = List.of(
                new Step(0, "-vv", "secrets", "set", "-c", "vw.yaml", "one", "git-auth", "password"),
                new Step(0, "-vv", "secrets", "set", "-c", "vw.yaml", "one", "git-auth", "token", "-o", "json"),
                new Step(0, "-vv", "secrets", "list", "-c", "vw.yaml", "-o", "json"),
                new Step(0, "-vv", "secrets", "verify", "-c", "vw.yaml", "-o", "json"),
                new Step(0, "-vv", "secrets", "rotate", "-c", "vw.yaml"),
                new Step(2, "-vv", "secrets", "set", "-c", "vw.yaml", "two", "x", "y"),
                new Step(0, "-vv", "generate", "-c", "vw.yaml"));
        for (Step step : steps) {
            CliHarness.Result r = cli.stdin(secret + "\n").run(step.args());
            assertThat(r.exitCode()).as(String.join(" ", step.args()) + "\n" + r).isEqualTo(step.exit());
            captured.append(r.out()).append(r.err());
        }
        assertThat(captured.toString()).doesNotContain(secret);
        List<Path> leaks = new ArrayList<>();
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        scan(home, needle, leaks, 0);
        scanTemp(Path.of(System.getProperty("java.io.tmpdir")), needle, leaks, started);
        assertThat(leaks).as("files holding the plaintext").isEmpty();
        assertThat(home.resolve("lab-deployment/clusters/one/secrets/git-auth.yaml")).exists();
    }

    /**
     * A GitHub token, for the repository and github commands: after doctor, generate with
     * auto_create_repositories (a real push), repos create, status and the github commands,
     * all with -vv, the token is in no output, JSON, log or file, and in no argument of any git
     * process (a wrapper on PATH records them: the push gets it through the askpass helper).
     */
    @Test
    void aGithubTokenIsNowhereButInMemoryAndTheGitProcessesEnvironment(@TempDir Path outside) throws Exception {
        String token = "ghp-leak-canary-" + UUID.randomUUID();
        long started = System.currentTimeMillis() - 1000;
        try (var gh = new dev.ailab.integrations.github.StandInGithub("octo", "issues")) {
            gh.gitRoot(Files.createDirectories(outside.resolve("github"))).token(token, "repo");
            Path bin = Files.createDirectories(outside.resolve("bin"));
            Path argv = outside.resolve("git-argv.log");
            Path git = dev.ailab.core.testing.RequiredTool.onPath("git");
            Files.writeString(bin.resolve("git"), "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + argv + "'\nexec '" + git + "' \"$@\"\n");
            bin.resolve("git").toFile().setExecutable(true);
            Files.writeString(home.resolve("vw.yaml"), """
                    project_name: lab
                    clusters:
                      - name: lab
                        domain: lab.example.com
                    auto_create_repositories: true
                    github:
                      owner: octo
                      api_url: %s
                    """.formatted(gh.enterpriseApiUrl()));
            String path = bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
            CliHarness vw = new CliHarness(dev.ailab.cli.vectorweight.VectorweightCommand::new, home)
                    .env("GITHUB_TOKEN", token).env("PATH", path);
            CliHarness lab = CliHarness.aiLab(home).env("GITHUB_TOKEN", token).env("PATH", path)
                    .env("GITHUB_API_URL", gh.enterpriseApiUrl());
            StringBuilder captured = new StringBuilder();
            List<Step> steps = List.of(
                    new Step(0, "-vv", "repos", "doctor", "-c", "vw.yaml", "-o", "json"),
                    new Step(0, "-vv", "generate", "-c", "vw.yaml", "-o", "json"),
                    new Step(0, "-vv", "repos", "create", "-c", "vw.yaml"),
                    new Step(0, "-vv", "repos", "create", "-c", "vw.yaml", "--dry-run", "-o", "json"),
                    new Step(0, "-vv", "repos", "status", "-c", "vw.yaml", "-o", "json"));
            for (Step step : steps) {
                CliHarness.Result r = vw.run(step.args());
                assertThat(r.exitCode()).as(String.join(" ", step.args()) + "\n" + r).isEqualTo(step.exit());
                captured.append(r.out()).append(r.err());
            }
            for (Step step : List.of(new Step(0, "-vv", "github", "doctor", "-o", "json"),
                    new Step(0, "-vv", "github", "sync", "--all", "-o", "json"))) {
                CliHarness.Result r = lab.run(step.args());
                assertThat(r.exitCode()).as(String.join(" ", step.args()) + "\n" + r).isEqualTo(step.exit());
                captured.append(r.out()).append(r.err());
            }
            // the push really happened, with the token
            assertThat(gh.head("octo", "lab-deployment")).isNotNull();
            assertThat(Files.readString(argv)).contains("push").doesNotContain(token);
            assertThat(captured.toString()).contains("octo").doesNotContain(token);
            List<Path> leaks = new ArrayList<>();
            byte[] needle = token.getBytes(StandardCharsets.UTF_8);
            scan(home, needle, leaks, 0);
            scan(outside, needle, leaks, 0);
            scanTemp(Path.of(System.getProperty("java.io.tmpdir")), needle, leaks, started);
            assertThat(leaks).as("files holding the token").isEmpty();
            assertThat(Files.readString(home.resolve("lab-deployment/.git/config"))).contains(gh.apiUrl()).doesNotContain("@");
        }
    }

    private static void scan(Path root, byte[] needle, List<Path> leaks, long since) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && attrs.lastModifiedTime().toMillis() >= since && attrs.size() < 64L * 1024 * 1024
                        && contains(file, needle)) {
                    leaks.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Files in the system temp folder written during the run (one level of folders deep). */
    private static void scanTemp(Path tmp, byte[] needle, List<Path> leaks, long since) throws IOException {
        try (var entries = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                try {
                    if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toMillis() >= since) {
                        if (Files.size(p) < 64L * 1024 * 1024 && contains(p, needle)) {
                            leaks.add(p);
                        }
                    } else if (Files.isDirectory(p) && Files.isReadable(p) && Files.getLastModifiedTime(p).toMillis() >= since) {
                        try (var inner = Files.list(p)) {
                            for (Path q : (Iterable<Path>) inner::iterator) {
                                if (Files.isRegularFile(q) && Files.isReadable(q) && Files.getLastModifiedTime(q).toMillis() >= since
                                        && Files.size(q) < 64L * 1024 * 1024 && contains(q, needle)) {
                                    leaks.add(q);
                                }
                            }
                        }
                    }
                } catch (IOException | SecurityException ignored) {
                    // another user's or another test's file: not ours
                }
            }
        }
    }

    private static boolean contains(Path file, byte[] needle) throws IOException {
        byte[] data = Files.readAllBytes(file);
        if (indexOf(data, needle) >= 0) {
            return true;
        }
        if (file.toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return indexOf(out.toByteArray(), needle) >= 0;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
