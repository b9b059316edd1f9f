package dev.ailab.cli.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import dev.ailab.cli.CliHarness;
import dev.ailab.generators.bundle.HelmRepoServer;
import dev.ailab.generators.charts.UpstreamChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle commands through the command line against a Helm repository on loopback: their
 * progress (a bar only on a terminal, never in a pipe or with -q, no colour under NO_COLOR) and
 * the airgapped_git mode end to end: import commits and pushes the git mirror, and validate
 * --offline-check and generate work against it.
 */
class BundleCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static HelmRepoServer charts;

    @TempDir
    Path home;

    @BeforeAll
    static void serve() throws Exception {
        charts = new HelmRepoServer(shared.resolve("repo"), List.of(UpstreamChart.ARGO_CD, UpstreamChart.QDRANT));
    }

    @AfterAll
    static void stop() {
        charts.close();
    }

    private static String config(String sources) {
        return """
                project_name: offline-lab
                environment: staging
                clusters:
                  - name: edge
                    domain: edge.lab.internal
                    size: medium
                    vector_store: qdrant
                github:
                  owner: lab
                  api_url: https://ghe.lab.internal/api/v3
                """ + sources;
    }

    @Test
    void progressIsABarOnATerminalPlainLinesInAPipeNothingWithQuietAndNoColourUnderNoColor() throws Exception {
        Files.writeString(home.resolve("vw.yaml"), config("sources:\n  mode: airgapped_archive\n  archive: lab.bundle\n"
                + "  image_registry: registry.lab.internal:5000\n"));
        for (String c : List.of("terminal", "pipe", "quiet", "no-color")) {
            CliHarness vw = new CliHarness(VectorweightCommand::new, home).stderrTerminal(!c.equals("pipe"));
            if (c.equals("no-color")) {
                vw.env("NO_COLOR", "1");
            }
            String q = c.equals("quiet") ? "-q" : "-v";
            List<CliHarness.Result> runs = List.of(
                    vw.run("bundle", "create", "-c", "vw.yaml", "--file", "lab.bundle", "--chart-repository", charts.url(), q),
                    vw.run("bundle", "verify", "lab.bundle", q),
                    vw.run("bundle", "import", "lab.bundle", "--dir", "site-" + c, q));
            for (int i = 0; i < runs.size(); i++) {
                CliHarness.Result r = runs.get(i);
                String what = c + " " + List.of("create", "verify", "import").get(i);
                assertThat(r.exitCode()).as(what + "\n" + r).isZero();
                switch (c) {
                    case "terminal" -> assertThat(r.err()).as(what).contains("\r").contains("%").contains("\u001b[32m")
                            .doesNotContain("chart 1/2");
                    case "no-color" -> assertThat(r.err()).as(what).contains("\r").contains("%").doesNotContain("\u001b");
                    case "quiet" -> assertThat(r.err()).as(what).isEmpty();
                    default -> assertThat(r.err()).as(what).doesNotContain("\r").doesNotContain("\u001b");
                }
            }
            if (c.equals("terminal")) {
                assertThat(runs.get(0).err()).contains("charts [", "rendering [", "writing [");
                assertThat(runs.get(1).err()).contains("verifying [", "100%");
            }
            if (c.equals("pipe")) {
                assertThat(runs.get(0).err()).contains("chart 1/2 argo-cd", "chart 2/2 qdrant", "rendered ");
                assertThat(runs.get(2).err()).contains("verifying ", "committing the git mirror");
            }
        }
    }

    @Test
    void airgappedGitAgainstTheImportedMirrorValidatesOfflineAndGenerates() throws Exception {
        Path bare = home.resolve("mirror.git");
        try (Git g = Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call()) {
            assertThat(g.getRepository().isBare()).isTrue();
        }
        CliHarness vw = new CliHarness(VectorweightCommand::new, home);
        Path site = home.resolve("site");
        String mirror = site.resolve("git-mirror").toUri().toString().replaceAll("/$", "");
        Files.writeString(home.resolve("vw.yaml"), config("sources:\n  mode: airgapped_git\n  git_mirror: " + mirror + "\n"
                + "  image_registry: registry.lab.internal:5000\n"));

        CliHarness.Result missing = vw.run("validate", "-c", "vw.yaml", "--offline-check");
        assertThat(missing.exitCode()).as("nothing imported yet\n" + missing).isEqualTo(2);
        assertThat(missing.err() + missing.out()).contains("git-mirror", "is not a folder");

        CliHarness.Result created = vw.run("bundle", "create", "-c", "vw.yaml", "--file", "lab.bundle", "--chart-repository",
                charts.url());
        assertThat(created.exitCode()).as(created.toString()).isZero();
        CliHarness.Result imported = vw.run("bundle", "import", "lab.bundle", "--dir", "site", "--git-mirror",
                bare.toUri().toString(), "-o", "json");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        JsonNode result = JSON.readTree(imported.out());
        String commit = result.path("git_mirror_commit").asText();
        assertThat(commit).matches("[0-9a-f]{40}");
        assertThat(result.path("git_mirror_pushed_to").asText()).isEqualTo(bare.toUri().toString());
        assertThat(result.path("config_lines").path("airgapped_git").asText()).contains("git_mirror: " + bare.toUri());
        try (Git g = Git.open(site.resolve("git-mirror").toFile())) {
            assertThat(g.status().call().isClean()).as("the mirror's files are all committed").isTrue();
            assertThat(g.getRepository().resolve("HEAD").name()).isEqualTo(commit);
        }
        try (Git g = Git.open(bare.toFile())) {
            assertThat(g.getRepository().resolve("refs/heads/main").name()).as("pushed").isEqualTo(commit);
        }

        CliHarness.Result check = vw.run("validate", "-c", "vw.yaml", "--offline-check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        int served = charts.requests.get();
        CliHarness.Result generated = vw.run("generate", "-c", "vw.yaml", "--dir", "out");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        assertThat(charts.requests.get()).as("generate fetched nothing").isEqualTo(served);
        String app = Files.readString(home.resolve("out/argocd/apps/edge/qdrant.yaml"));
        String path = "charts/qdrant/" + UpstreamChart.QDRANT.version;
        assertThat(app).contains("repoURL: " + mirror).contains("path: " + path);

        // What the Application points at is a chart in the pushed mirror, and it lints.
        Path clone = home.resolve("clone");
        try (Git g = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(clone.toFile()).call()) {
            assertThat(g.getRepository().getBranch()).isEqualTo("main");
        }
        var lint = new Helm(clone.resolve(path)).lint().strict().call();
        assertThat(lint.isFailed()).as(lint.getMessages().toString()).isFalse();
    }
}
