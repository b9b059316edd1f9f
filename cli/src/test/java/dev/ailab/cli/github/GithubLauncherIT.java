package dev.ailab.cli.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.integrations.github.StandInGithub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code github doctor} and {@code github sync} through the shipped launcher, as child
 * processes, against the stand-in GitHub: the token is only in the environment, and its value
 * (a canary) is in no output, no JSON, no log and no file the runs leave in their folders.
 */
class GithubLauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "ai-lab").toAbsolutePath().normalize();
    private static final long TIMEOUT_SECONDS = 180;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String token = "ghp_canary" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path home;
    StandInGithub gh;
    final StringBuilder captured = new StringBuilder();

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        gh = new StandInGithub("acme", "shop").token(token, "repo, read:org").token("ghp_norepo-canary", "read:org");
        for (int i = 1; i <= 150; i++) {
            gh.add("issue " + i, "body " + i);
        }
        Path project = Files.createDirectories(home.resolve("shop"));
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/config"), "[remote \"origin\"]\n\turl = https://github.com/acme/shop.git\n");
    }

    @AfterEach
    void tearDown() {
        gh.close();
    }

    @Test
    void doctorAndSyncRunThroughTheLauncherAndTheTokenIsInNoOutputOrFile() throws Exception {
        assertThat(run(Map.of(), "project", "register", home.resolve("shop").toString()).exit()).isZero();

        Run doctor = run(Map.of("GITHUB_TOKEN", token), "-vv", "github", "doctor", "-o", "json");
        assertThat(doctor.exit()).as(doctor.toString()).isZero();
        JsonNode d = JSON.readTree(doctor.out());
        assertThat(d.path("user").asText()).isEqualTo("octo");
        assertThat(d.path("token_env").asText()).isEqualTo("GITHUB_TOKEN");

        Run missing = run(Map.of(), "github", "doctor");
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("GITHUB_TOKEN");
        Run refused = run(Map.of("GITHUB_TOKEN", "ghp_wrong-canary"), "github", "sync", "--project", "shop");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.out() + refused.err()).contains("GITHUB_TOKEN").doesNotContain("ghp_wrong-canary");
        Run noScope = run(Map.of("GITHUB_TOKEN", "ghp_norepo-canary"), "github", "doctor");
        assertThat(noScope.exit()).as(noScope.toString()).isEqualTo(3);
        assertThat(noScope.out() + noScope.err()).contains("'repo'").doesNotContain("ghp_norepo-canary");

        Run first = run(Map.of("GITHUB_TOKEN", token), "-vv", "github", "sync", "--project", "shop", "-o", "json");
        assertThat(first.exit()).as(first.toString()).isZero();
        JsonNode f = JSON.readTree(first.out()).path("projects").get(0);
        assertThat(f.path("created_local").asInt()).isEqualTo(150);
        assertThat(f.path("requests").asInt()).isPositive();

        Run noop = run(Map.of("GITHUB_TOKEN", token), "-vv", "github", "sync", "--project", "shop", "-o", "json");
        assertThat(noop.exit()).as(noop.toString()).isZero();
        assertThat(JSON.readTree(noop.out()).path("projects").get(0).path("rate_limit_used").asInt()).isZero();

        // a new local item pushed with --push, then the text report
        assertThat(run(Map.of(), "work", "add", "made locally", "--project", "shop").exit()).isZero();
        Run push = run(Map.of("GITHUB_TOKEN", token), "-v", "github", "sync", "--project", "shop", "--push");
        assertThat(push.exit()).as(push.toString()).isZero();
        assertThat(push.out()).contains("1 issues created");
        assertThat(gh.issueCount()).isEqualTo(151);
        assertThat(gh.issue(151).title).isEqualTo("made locally");

        assertNoCanary(token);
        assertNoCanary("ghp_wrong-canary");
        assertNoCanary("ghp_norepo-canary");
    }

    /** Two processes syncing the same project at once: one waits its turn or is refused; nothing is applied twice. */
    @Test
    void twoSyncProcessesAtOnceApplyNothingTwice() throws Exception {
        assertThat(run(Map.of(), "project", "register", home.resolve("shop").toString()).exit()).isZero();
        List<Process> running = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path log = home.resolve("concurrent-" + i + ".log");
            logs.add(log);
            running.add(builder(Map.of("GITHUB_TOKEN", token), log, log, "github", "sync", "--project", "shop").start());
        }
        List<Integer> exits = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            exits.add(await(running.get(i), logs.get(i), "concurrent sync " + i));
            captured.append(Files.readString(logs.get(i)));
        }
        for (int i = 0; i < 2; i++) {
            String out = Files.readString(logs.get(i));
            assertThat(exits.get(i)).as(out).isIn(0, 1);
            if (exits.get(i) != 0) {
                assertThat(out).contains("another sync of acme/shop is running");
            }
        }
        assertThat(exits).contains(0);
        Run list = run(Map.of(), "work", "list", "--all", "--project", "shop", "-o", "json");
        JsonNode items = JSON.readTree(list.out());
        List<String> refs = new ArrayList<>();
        (items.isArray() ? items : items.path("items")).forEach(n -> refs.add(n.path("external_ref").asText()));
        assertThat(refs).hasSize(150).doesNotHaveDuplicates();
        assertNoCanary(token);
    }

    private void assertNoCanary(String canary) throws IOException {
        assertThat(captured.toString()).as("captured output").doesNotContain(canary);
        List<Path> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(canary)) {
                    leaks.add(p);
                }
            }
        }
        assertThat(leaks).as("files holding the token (the database and logs included)").isEmpty();
    }

    private ProcessBuilder builder(Map<String, String> env, Path out, Path err, String... args) {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(args)).toList())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("AI_LAB_"));
        e.put("HOME", home.toString());
        e.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        e.put("XDG_DATA_HOME", home.resolve("data").toString());
        e.put("XDG_STATE_HOME", home.resolve("state").toString());
        e.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        e.put("GITHUB_API_URL", gh.apiUrl());
        // no class-data training in the background: the runs here are about what they print and write
        e.put("AI_LAB_CDS", "0");
        e.putAll(new HashMap<>(env));
        return pb;
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out-", ".txt");
        Path err = Files.createTempFile(home, "err-", ".txt");
        int exit = await(builder(env, out, err, args).start(), err, String.join(" ", args));
        Run r = new Run(exit, Files.readString(out), Files.readString(err));
        captured.append(r.out()).append(r.err());
        return r;
    }

    private static int await(Process process, Path log, String what) throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("ai-lab " + what + " did not end within " + TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
        }
        return process.exitValue();
    }
}
