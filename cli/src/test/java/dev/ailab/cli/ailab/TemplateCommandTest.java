package dev.ailab.cli.ailab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCommandTest {
    @TempDir
    Path home;

    @Test
    void listShowsTheBuiltInTemplates() throws Exception {
        CliHarness.Result r = CliHarness.aiLab(home).run("template", "list");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("NAME").contains("python").contains("java").contains("agent-os").contains("monorepo");
        CliHarness.Result j = CliHarness.aiLab(home).run("template", "list", "--output", "json");
        JsonNode json = new ObjectMapper().readTree(j.out());
        assertThat(json).hasSize(4);
        assertThat(json.get(0).get("name").asText()).isEqualTo("python");
        assertThat(json.get(0).get("source").asText()).isEqualTo("built-in");
    }

    @Test
    void showDescribesQuestionsAndTiers() throws Exception {
        CliHarness.Result r = CliHarness.aiLab(home).run("template", "show", "monorepo");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("monorepo 1.1.0 (built-in)")
                .contains("  services (list, default ): Services to start with")
                .contains("Tier basic:\n  README.md\n")
                .contains("  services/{{item}}/README.md  [for each services]")
                .contains("Tier standard (adds):\n  .github/workflows/ci.yml  [delimiters <% %>]");
        CliHarness.Result j = CliHarness.aiLab(home).run("template", "show", "python", "-o", "json");
        JsonNode json = new ObjectMapper().readTree(j.out());
        assertThat(json.get("questions").get(1).get("name").asText()).isEqualTo("package");
        assertThat(json.get("tiers").get("advanced").toString()).contains("deploy/helm/templates/deployment.yaml");
        CliHarness.Result missing = CliHarness.aiLab(home).run("template", "show", "nope");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("unknown template 'nope'");
    }

    @Test
    void templatesFromAGitUrlAtARef() throws Exception {
        Path repo = home.resolve("tpl-repo");
        Files.createDirectories(repo.resolve("files"));
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("template.yaml"), "name: remote\nversion: 1.0.0\ntiers:\n  basic: [hello.txt]\n");
            Files.writeString(repo.resolve("files/hello.txt"), "v1 of {{project_name}}\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("v1").setSign(false).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.tag().setName("v1").setAnnotated(false).call();
            Files.writeString(repo.resolve("template.yaml"), "name: remote\nversion: 2.0.0\ntiers:\n  basic: [hello.txt]\n");
            Files.writeString(repo.resolve("files/hello.txt"), "v2 of {{project_name}}\n");
            git.commit().setAll(true).setMessage("v2").setSign(false).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        String url = repo.toUri().toString(); // file:///...
        CliHarness.Result r = CliHarness.aiLab(home).run("create-project", "old", "--template", url, "--vcs-ref", "v1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(home.resolve("old/hello.txt"))).isEqualTo("v1 of old\n");
        assertThat(Files.readString(home.resolve("old/.ai-lab/profile.yaml"))).contains("template: remote")
                .contains("template_version: \"1.0.0\"").contains("template_source: " + url + "@v1:");

        CliHarness.Result head = CliHarness.aiLab(home).run("create-project", "new", "--template-dir", url);
        assertThat(head.exitCode()).as(head.toString()).isZero();
        assertThat(Files.readString(home.resolve("new/hello.txt"))).isEqualTo("v2 of new\n");

        CliHarness.Result show = CliHarness.aiLab(home).run("template", "show", url, "--vcs-ref", "v1");
        assertThat(show.out()).startsWith("remote 1.0.0 (" + url + "@v1:");

        CliHarness.Result bad = CliHarness.aiLab(home).run("create-project", "bad", "--template", url, "--vcs-ref", "no-such-ref");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("error: git ref 'no-such-ref' not found in " + url);
        assertThat(home.resolve("bad")).doesNotExist();

        CliHarness.Result unreachable = CliHarness.aiLab(home).run("create-project", "gone", "--template",
                home.resolve("missing-repo").toUri().toString());
        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.err()).contains("error: cannot clone").contains("hint: check the URL");

        CliHarness.Result refWithoutUrl = CliHarness.aiLab(home).run("create-project", "x", "--vcs-ref", "v1");
        assertThat(refWithoutUrl.exitCode()).isEqualTo(2);
        assertThat(refWithoutUrl.err()).contains("--vcs-ref needs a git URL template");
    }
}
