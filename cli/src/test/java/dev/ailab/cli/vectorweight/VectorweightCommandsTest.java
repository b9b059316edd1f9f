package dev.ailab.cli.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ailab.cli.CliHarness;
import dev.ailab.generators.vectorweight.StarterTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorweightCommandsTest {
    @TempDir
    Path home;

    private CliHarness vw() {
        return new CliHarness(VectorweightCommand::new, home);
    }

    @Test
    void initWritesTheTemplateAndRefusesToOverwrite() throws IOException {
        CliHarness.Result r = vw().run("init", "--template", "minimal", "--file", "lab.yaml");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(home.resolve("lab.yaml"))).isEqualTo(StarterTemplates.text("minimal"));
        CliHarness.Result again = vw().run("init", "--template", "minimal", "--file", "lab.yaml");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists").contains("hint: ").contains("--force");
        assertThat(vw().run("init", "--template", "nope").exitCode()).isEqualTo(2);
        assertThat(vw().run("init", "--template", "cerbos-auth", "--file", "-").out()).isEqualTo(StarterTemplates.text("cerbos-auth"));
    }

    @Test
    void fullCycleWithPlanExitCodes() throws Exception {
        vw().run("init", "--template", "production", "--file", "vw.yaml");
        CliHarness.Result valid = vw().run("validate", "--config", "vw.yaml");
        assertThat(valid.exitCode()).as(valid.toString()).isZero();
        assertThat(valid.out()).contains("valid (1 cluster)");

        CliHarness.Result plan = vw().run("plan", "--config", "vw.yaml");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(RepoPlanCommand.CHANGES);
        assertThat(plan.out()).contains("create    deploy.sh").contains("0 to update");
        assertThat(Files.exists(home.resolve("vectorweight-ai-deployment"))).as("plan writes nothing").isFalse();

        CliHarness.Result gen = vw().run("generate", "--config", "vw.yaml");
        assertThat(gen.exitCode()).as(gen.toString()).isZero();
        Path out = home.resolve("vectorweight-ai-deployment");
        assertThat(out.resolve(".vectorweight/state.json")).exists();
        assertThat(out.resolve("argocd/apps/ai-cluster/weaviate.yaml")).exists();

        Files.setLastModifiedTime(out.resolve("deploy.sh"), FileTime.fromMillis(5_000_000L));
        CliHarness.Result rerun = vw().run("generate", "--config", "vw.yaml");
        assertThat(rerun.exitCode()).isZero();
        assertThat(rerun.out()).contains("up to date: nothing written");
        assertThat(Files.getLastModifiedTime(out.resolve("deploy.sh")).toMillis()).isEqualTo(5_000_000L);
        assertThat(vw().run("plan", "--config", "vw.yaml").exitCode()).isZero();

        // ./deploy.sh works as the README prints it.
        assertThat(Files.isExecutable(out.resolve("deploy.sh"))).isTrue();
        Process direct = new ProcessBuilder("./deploy.sh", "--frobnicate").directory(out.toFile()).redirectErrorStream(true).start();
        String said = new String(direct.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(direct.waitFor()).as(said).isEqualTo(2);

        Files.writeString(out.resolve("clusters/ai-cluster/values/weaviate.yaml"), "replicas: 3\n");
        CliHarness.Result conflict = vw().run("plan", "--config", "vw.yaml", "--diff");
        assertThat(conflict.exitCode()).isEqualTo(RepoPlanCommand.CONFLICTS);
        assertThat(conflict.out()).contains("conflict  clusters/ai-cluster/values/weaviate.yaml  (edited by hand")
                .contains("-replicas: 3").contains("+replicas: 1")
                .contains("--- a/clusters/ai-cluster/values/weaviate.yaml\n+++ b/clusters/ai-cluster/values/weaviate.yaml\n@@ -1 +1,");

        CliHarness.Result kept = vw().run("generate", "--config", "vw.yaml");
        assertThat(kept.exitCode()).isEqualTo(1);
        assertThat(kept.err()).contains("conflict: clusters/ai-cluster/values/weaviate.yaml").contains("hint: ");
        assertThat(Files.readString(out.resolve("clusters/ai-cluster/values/weaviate.yaml"))).isEqualTo("replicas: 3\n");

        CliHarness.Result forced = vw().run("generate", "--config", "vw.yaml", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("overwrote clusters/ai-cluster/values/weaviate.yaml");
        assertThat(vw().run("plan", "--config", "vw.yaml").exitCode()).isZero();
    }

    @Test
    void invalidConfigReportsEveryProblemAndExits2() throws IOException {
        Files.writeString(home.resolve("bad.yaml"), """
                project_name: Bad_Name
                environment: production
                clusters:
                  - name: a
                    domain: a.example.com
                    gpu_enabled: true
                  - name: a
                    domain: A..example.com
                    size: minimal
                    vector_store: qdrant
                """);
        CliHarness.Result r = vw().run("validate", "--config", "bad.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        // Schema findings (located) and the generator's cross-field rules come in one report.
        assertThat(r.err()).contains("bad.yaml:1:15: project_name must be a DNS label, found 'Bad_Name'")
                .contains("bad.yaml:8:").contains("'A..example.com'").contains("duplicate cluster name 'a'")
                .contains("enable_gpu_operator").contains("minimal size preset")
                .contains("hint: ").doesNotContain("at dev.ailab");
        assertThat(vw().run("generate", "--config", "bad.yaml").exitCode()).isEqualTo(2);
        assertThat(Files.exists(home.resolve("Bad_Name-deployment"))).isFalse();
    }

    @Test
    void planJsonListsEveryFile() throws IOException {
        vw().run("init", "--template", "minimal", "--file", "vw.yaml");
        CliHarness.Result r = vw().run("plan", "-c", "vw.yaml", "--dir", "out", "-o", "json");
        assertThat(r.exitCode()).isEqualTo(RepoPlanCommand.CHANGES);
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.path("up_to_date").asBoolean()).isFalse();
        assertThat(json.path("files").findValuesAsText("action")).containsOnly("create");
        assertThat(json.path("output").asText()).endsWith("out");
    }

    @Test
    void autoCreateRepositoriesWithoutATokenWritesTheFilesAndRefusesThePushNamingTheVariable() throws IOException {
        vw().run("init", "--template", "production_full", "--file", "vw.yaml");
        CliHarness.Result r = vw().run("generate", "-c", "vw.yaml", "--dir", "out");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("written");
        assertThat(r.err()).contains("GITHUB_TOKEN").doesNotContain("not yet available");
        assertThat(home.resolve("out/README.md")).exists();
    }

    @Test
    void migrateMapsOrReportsEveryKey() throws IOException {
        Files.writeString(home.resolve("old.yaml"), """
                metadata:
                  project_name: legacy-lab
                  environment: production
                  description: my old lab
                clusters:
                  - name: gpu-box
                    domain: gpu.example.com
                    kubernetes_distribution: k3s
                    node_count: 3
                    resources:
                      cpu_cores: 16
                      memory_gb: 48
                      storage_gb: 500
                      gpu_enabled: true
                      gpu_type: rtx-4090
                      gpu_count: 2
                    storage_class: longhorn
                    vector_store: weaviate
                    monitoring: {grafana: true}
                """);
        CliHarness.Result r = vw().run("migrate", "old.yaml", "--file", "new.yaml");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("UNMAPPED  clusters[0].kubernetes_distribution").contains("UNMAPPED  clusters[0].node_count")
                .contains("UNMAPPED  clusters[0].resources.gpu_type").contains("UNMAPPED  metadata.description")
                .contains("UNMAPPED  clusters[0].monitoring.grafana")
                .contains("mapped    clusters[0].resources.memory_gb");
        String migrated = Files.readString(home.resolve("new.yaml"));
        assertThat(migrated).contains("size: large").contains("memory_gib: 48").contains("gpu_count: 2")
                .contains("storage_class: longhorn").contains("enable_gpu_operator: true").doesNotContain("cpu_cores");
        CliHarness.Result valid = vw().run("validate", "--config", "new.yaml");
        assertThat(valid.exitCode()).as(valid.toString()).isZero();
    }

    @Test
    void migrateThatWouldNotValidateWritesNothingAndListsWhatNeedsADecision() throws IOException {
        Files.writeString(home.resolve("old.yaml"), """
                metadata:
                  project_name: Legacy_Lab!
                  environment: prod
                clusters:
                  - name: box
                    domain: box.example.com
                    vector_store: weaviate
                """);
        CliHarness.Result r = vw().run("migrate", "old.yaml", "--file", "new.yaml");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(home.resolve("new.yaml")).doesNotExist();
        assertThat(r.err()).contains("needs a decision").contains("nothing was written").contains("hint:")
                .doesNotContainIgnoringCase("token:");
        CliHarness.Result json = vw().run("migrate", "old.yaml", "-o", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(JsonMapper.builder().build().readTree(json.out()).path("undecided").size()).isPositive();
    }

    @Test
    void schemaPrintsTheJsonSchema() throws IOException {
        CliHarness.Result r = vw().run("schema");
        assertThat(r.exitCode()).isZero();
        assertThat(JsonMapper.builder().build().readTree(r.out()).path("$schema").asText()).contains("json-schema.org");
    }

    @Test
    void helpDocumentsPlanExitCodes() {
        CliHarness.Result r = vw().run("plan", "--help");
        assertThat(r.out()).contains("10 generate would create, update or delete files").contains("11 some files were edited by hand");
        for (String cmd : new String[] {"init", "validate", "plan", "generate", "migrate", "schema"}) {
            assertThat(vw().run(cmd, "--help").out()).as(cmd).containsPattern("Examples?:");
        }
    }

    @Test
    void missingConfigAndBadOutputAreClearErrors() throws IOException {
        CliHarness.Result missing = vw().run("generate", "-c", "nope.yaml");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml").contains("config file not found").contains("vectorweight init");
        vw().run("init", "--template", "minimal", "--file", "vw.yaml");
        Files.writeString(home.resolve("afile"), "x");
        CliHarness.Result notDir = vw().run("generate", "-c", "vw.yaml", "--dir", "afile");
        assertThat(notDir.exitCode()).isEqualTo(1);
        assertThat(notDir.err()).contains("is not a folder").doesNotContain("at dev.ailab");
        assertThat(Files.readString(home.resolve("afile"))).isEqualTo("x");
    }

    @Test
    void validateJson() throws IOException {
        vw().run("init", "--template", "production_full", "--file", "vw.yaml");
        CliHarness.Result r = vw().run("validate", "-c", "vw.yaml", "-o", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.path("valid").asBoolean()).isTrue();
        assertThat(json.path("clusters").asInt()).isEqualTo(3);
        assertThat(json.path("warnings").toString()).doesNotContain("auto_create_repositories");
    }

    @Test
    void readsTheSameLayersAsTheOtherFronts() throws IOException {
        vw().run("init", "--template", "minimal", "--file", "vw.yaml");
        CliHarness.Result alone = vw().run("validate", "-c", "vw.yaml");
        assertThat(alone.err()).as("without a user config the owner is a placeholder").contains("github.owner is not set");

        // github.owner from the user config reaches the generated Argo CD objects.
        Path user = Files.createDirectories(home.resolve(".config/ai-lab")).resolve("config.yaml");
        Files.writeString(user, "github:\n  owner: alice-lab\n");
        CliHarness.Result withOwner = vw().run("validate", "-c", "vw.yaml");
        assertThat(withOwner.exitCode()).as(withOwner.toString()).isZero();
        assertThat(withOwner.err()).doesNotContain("github.owner is not set");
        CliHarness.Result gen = vw().run("generate", "-c", "vw.yaml", "--dir", "out");
        assertThat(gen.exitCode()).as(gen.toString()).isZero();
        try (var files = Files.walk(home.resolve("out/argocd"))) {
            assertThat(files.filter(Files::isRegularFile).map(VectorweightCommandsTest::read))
                    .anyMatch(text -> text.contains("alice-lab")).noneMatch(text -> text.contains("CHANGE-ME"));
        }
        // A changed user config is a changed input: the fast path does not call the output up to date.
        Files.writeString(user, "github:\n  owner: bob-lab\n");
        CliHarness.Result plan = vw().run("plan", "-c", "vw.yaml", "--dir", "out");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(RepoPlanCommand.CHANGES);

        // A broken project config is noticed, named by file, line and column.
        Path project = Files.createDirectories(home.resolve(".ai-lab")).resolve("config.yaml");
        Files.writeString(project, "githb:\n  owner: x\n");
        for (String cmd : new String[] {"validate", "plan", "generate"}) {
            CliHarness.Result broken = cmd.equals("validate") ? vw().run(cmd, "-c", "vw.yaml")
                    : vw().run(cmd, "-c", "vw.yaml", "--dir", "out");
            assertThat(broken.exitCode()).as(cmd + "\n" + broken).isEqualTo(2);
            assertThat(broken.err()).as(cmd).contains(project + ":1:1: unknown key 'githb'").contains("did you mean 'github'");
        }
    }

    @Test
    void validateGivesTheVerdictOfAiLabConfigValidate() throws IOException {
        Files.writeString(home.resolve("twins.yaml"), """
                project_name: twins
                clusters:
                  - name: edge
                    domain: a.example.com
                  - name: edge
                    domain: b.example.com
                """);
        CliHarness.Result aiLab = CliHarness.aiLab(home).run("config", "validate", "twins.yaml");
        CliHarness.Result vectorweight = vw().run("validate", "-c", "twins.yaml");
        assertThat(aiLab.exitCode()).as(aiLab.toString()).isEqualTo(2);
        assertThat(vectorweight.exitCode()).as(vectorweight.toString()).isEqualTo(2);
        assertThat(aiLab.err()).contains("twins.yaml:5:").contains("duplicate cluster name 'edge'");
        assertThat(vectorweight.err()).contains("twins.yaml:5:").contains("duplicate cluster name 'edge'");
    }

    @Test
    void aTooLongClusterNameIsOneProblemWithAHintThatFits() throws IOException {
        String longName = "a-very-long-cluster-name-for-the-lab-" + "x".repeat(30); // 67 characters
        for (String name : new String[] {longName, longName.substring(0, 45)}) {
            Files.writeString(home.resolve("long.yaml"), "project_name: lab\nclusters:\n  - name: " + name
                    + "\n    domain: a.example.com\n");
            CliHarness.Result r = vw().run("validate", "-c", "long.yaml", "-o", "json");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            JsonNode problems = JsonMapper.builder().build().readTree(r.out()).path("problems");
            assertThat(problems.size()).as(r.out()).isEqualTo(1);
            assertThat(problems.get(0).path("message").asText()).contains("at most 40");
            String hint = problems.get(0).path("hint").asText();
            String proposed = hint.replaceAll(".*try '([^']*)'.*", "$1");
            assertThat(proposed).as(hint).isNotEqualTo(hint).hasSizeLessThanOrEqualTo(40).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            CliHarness.Result aiLab = CliHarness.aiLab(home).run("config", "validate", "long.yaml", "-o", "json");
            assertThat(JsonMapper.builder().build().readTree(aiLab.out()).path("files").toString()).contains(proposed);
        }
    }

    @Test
    void keptConflictIsNotCalledUpToDate() throws IOException {
        vw().run("init", "--template", "minimal", "--file", "vw.yaml");
        assertThat(vw().run("generate", "-c", "vw.yaml", "--dir", "out").exitCode()).isZero();
        Files.writeString(home.resolve("out/README.md"), "mine\n");
        for (int run = 0; run < 2; run++) {
            CliHarness.Result kept = vw().run("generate", "-c", "vw.yaml", "--dir", "out");
            assertThat(kept.exitCode()).as(kept.toString()).isEqualTo(1);
            assertThat(kept.out() + kept.err()).as(kept.toString()).doesNotContain("up to date").contains("README.md");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
