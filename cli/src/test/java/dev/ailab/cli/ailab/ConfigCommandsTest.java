package dev.ailab.cli.ailab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ailab.cli.CliHarness;
import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.config.ConfigSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandsTest {
    @TempDir
    Path home;

    Path project;
    Path userFile;
    Path projectFile;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(home.resolve("project"));
        userFile = home.resolve(".config/ai-lab/config.yaml");
        projectFile = project.resolve(".ai-lab/config.yaml");
    }

    private CliHarness cli() {
        return CliHarness.aiLab(home).workingDir(project);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static JsonNode json(String text) throws IOException {
        return ConfigMapper.json().readTree(text);
    }

    @Test
    void showPrintsTheEffectiveConfigAsYamlThatReadsBack() throws IOException {
        write(userFile, "github:\n  owner: octo\n");
        write(projectFile, "project_name: demo\nclusters:\n  - name: one\n    size: small\n");
        CliHarness.Result r = cli().run("config", "show");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("project_name: demo\n").contains("clusters:\n  - name: one\n    size: small\n")
                .contains("github:\n  api_url: https://api.github.com\n  owner: octo\n");
        // The output is itself a valid config file with the same values.
        Path saved = write(home.resolve("saved.yaml"), r.out());
        CliHarness.Result again = cli().run("config", "show", "-c", saved.toString());
        assertThat(again.out()).isEqualTo(r.out());
    }

    @Test
    void showOriginNamesFileLineColumnEnvironmentAndDefaults() throws IOException {
        write(userFile, "store:\n  user: alice\n");
        write(projectFile, "project_name: demo\n");
        CliHarness.Result r = cli().env("AI_LAB_DEPLOY_DIR", "/srv/ai").run("config", "show", "--origin");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("# read: " + userFile).contains("# read: " + projectFile);
        assertThat(r.out()).containsPattern("project_name: demo +# " + projectFile + ":1:15\n");
        assertThat(r.out()).containsPattern("  user: alice +# " + userFile + ":2:9\n");
        assertThat(r.out()).containsPattern("  base_dir: /srv/ai +# env AI_LAB_DEPLOY_DIR\n");
        assertThat(r.out()).containsPattern("  pod: ai-agents +# default\n");
    }

    @Test
    void showJsonIsTheConfigAndWithOriginAlsoOriginsAndFiles() throws IOException {
        write(projectFile, "environment: staging\n");
        JsonNode plain = json(cli().run("config", "show", "--output", "json").out());
        assertThat(plain.path("environment").asText()).isEqualTo("staging");
        assertThat(plain.path("store").path("url").asText()).startsWith("jdbc:sqlite:");

        JsonNode withOrigin = json(cli().run("config", "show", "--origin", "-o", "json").out());
        assertThat(withOrigin.path("config").path("environment").asText()).isEqualTo("staging");
        assertThat(withOrigin.path("origins").path("environment").asText()).isEqualTo(projectFile + ":1:14");
        assertThat(withOrigin.path("origins").path("store.url").asText()).isEqualTo("default");
        assertThat(withOrigin.path("files").get(0).asText()).isEqualTo(projectFile.toString());
    }

    @Test
    void showOneKeyPrintsJustItsValue() throws IOException {
        write(projectFile, "clusters:\n  - name: one\n    size: small\n");
        assertThat(cli().run("config", "show", "clusters[0].size").out()).isEqualTo("small\n");
        assertThat(cli().run("config", "show", "deployment.agents").out()).isEqualTo("claude\ngrok\ngemini\n");
        assertThat(cli().run("config", "show", "clusters[0]").out()).isEqualTo("name: one\nsize: small\n");
        assertThat(cli().run("config", "show", "clusters").out()).isEqualTo("- name: one\n  size: small\n");
        assertThat(cli().run("config", "show", "--origin", "clusters[0].size").out())
                .isEqualTo("# " + projectFile + ":3:11\nsmall\n");
        assertThat(json(cli().run("config", "show", "-o", "json", "--origin", "deployment.pod").out()).path("origin").asText())
                .isEqualTo("default");

        CliHarness.Result unset = cli().run("config", "show", "github.owner");
        assertThat(unset.exitCode()).isEqualTo(1);
        assertThat(unset.err()).isEqualTo("github.owner is not set\n");

        CliHarness.Result unknown = cli().run("config", "show", "store.ulr");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("error: unknown config key 'store.ulr'\n  hint: did you mean 'store.url'?\n");
    }

    @Test
    void showMasksPasswordsInUrls() throws IOException {
        write(projectFile, "store:\n  url: \"jdbc:postgresql://db/ailab?user=a&password=s3cret\"\n");
        CliHarness.Result r = cli().run("config", "show");
        assertThat(r.out()).contains("password=***").doesNotContain("s3cret");
    }

    @Test
    void showWithABadLayerExitsTwoWithLocationAndHintAndNoStackTrace() throws IOException {
        write(projectFile, "clusters:\n  - name: one\n    szie: small\n");
        CliHarness.Result r = cli().run("config", "show");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: " + projectFile + ":3:5: unknown key 'szie' in clusters[0]\n"
                + "  hint: did you mean 'size'?\n");
    }

    @Test
    void showWithMissingConfigFileExitsTwo() {
        CliHarness.Result r = cli().run("config", "show", "--config", "nope.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(project.resolve("nope.yaml") + ": config file not found");
    }

    @Test
    void validateGoodFilePrintsOk() throws IOException {
        Path file = write(home.resolve("good.yaml"), "project_name: demo\nenvironment: production\n");
        CliHarness.Result r = cli().run("config", "validate", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("ok " + file + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateReportsEveryProblemOfEveryFileAndExitsTwo() throws IOException {
        Path good = write(home.resolve("good.yaml"), "project_name: demo\n");
        Path bad = write(home.resolve("bad.yaml"), "environment: prod\nenable_gpu_operator: yes\n");
        CliHarness.Result r = cli().run("config", "validate", good.toString(), bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("ok " + good + "\n");
        assertThat(r.err()).isEqualTo(
                bad + ":1:14: environment must be one of development, staging, production, found 'prod'\n"
                + "  hint: did you mean 'production'? allowed values: development, staging, production\n"
                + bad + ":2:22: enable_gpu_operator must be a boolean (true or false), found a string 'yes'\n"
                + "  hint: write true or false (this config reads YAML 1.2, where yes is a string)\n"
                + "2 problems in 1 of 2 files\n");
    }

    @Test
    void validateWithoutFileChecksEveryExistingLayerAndTheEnvironment() throws IOException {
        write(userFile, "github:\n  owner: octo\n");
        write(projectFile, "store:\n  url: jdbc:sqlite:/tmp/x.db\n");
        CliHarness.Result ok = cli().run("config", "validate");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).isEqualTo("ok " + userFile + "\nok " + projectFile + "\nok environment\n");

        CliHarness.Result badEnv = cli().env("AI_LAB_DB_URL", "mysql://x").run("config", "validate");
        assertThat(badEnv.exitCode()).isEqualTo(2);
        assertThat(badEnv.err()).contains("environment variable AI_LAB_DB_URL: store.url must be a JDBC URL")
                .endsWith("1 problem in the environment\n");

        write(projectFile, "store:\n  url: 5\n");
        CliHarness.Result bad = cli().run("config", "validate");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.out()).isEqualTo("ok " + userFile + "\n");
        assertThat(bad.err()).startsWith(projectFile + ":2:8: store.url must be a string, found an integer '5'\n");
    }

    @Test
    void validateShowsARelativeFileAsTheUserWroteIt() throws IOException {
        write(project.resolve("conf/bad.yaml"), "environment: prod\n");
        CliHarness.Result r = cli().run("config", "validate", "conf/bad.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("conf/bad.yaml:1:14: environment must be one of");
        write(project.resolve("conf/good.yaml"), "environment: staging\n");
        assertThat(cli().run("config", "validate", "conf/good.yaml").out()).isEqualTo("ok conf/good.yaml\n");
    }

    @Test
    void validateWithNothingToCheckSaysSo() {
        CliHarness.Result r = cli().run("config", "validate");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("no config file to check");
    }

    @Test
    void validateJsonListsProblemsWithPositions() throws IOException {
        Path bad = write(home.resolve("bad.yaml"), "clustres: []\n");
        CliHarness.Result r = cli().run("config", "validate", "--output", "json", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        JsonNode doc = json(r.out());
        assertThat(doc.path("valid").asBoolean()).isFalse();
        JsonNode problem = doc.path("files").get(0).path("problems").get(0);
        assertThat(problem.path("line").asInt()).isEqualTo(1);
        assertThat(problem.path("column").asInt()).isEqualTo(1);
        assertThat(problem.path("message").asText()).isEqualTo("unknown key 'clustres'");
        assertThat(problem.path("hint").asText()).isEqualTo("did you mean 'clusters'?");
    }

    @Test
    void validateBinaryFileIsACleanError() throws IOException {
        Path junk = home.resolve("junk.yaml");
        Files.write(junk, new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00});
        CliHarness.Result r = cli().run("config", "validate", junk.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith(junk + ":1:1: control character U+001F").doesNotContain("Exception");
    }

    @Test
    void schemaPrintsThePublishedSchema() throws IOException {
        CliHarness.Result r = cli().run("config", "schema");
        assertThat(r.exitCode()).isZero();
        assertThat(json(r.out())).isEqualTo(ConfigSchema.node());
    }

    @Test
    void helpOfEachConfigCommandHasAnExample() {
        for (String sub : new String[] {"show", "validate", "schema"}) {
            CliHarness.Result r = cli().run("config", sub, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Examples:").contains("ai-lab config " + sub);
        }
    }
}
