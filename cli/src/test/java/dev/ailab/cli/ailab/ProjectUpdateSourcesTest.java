package dev.ailab.cli.ailab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import dev.ailab.core.template.update.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code project update} of a project whose template came from a git URL whose ref has moved on
 * (the old commit gone from the repository), and the {@code year} a project was made in.
 */
class ProjectUpdateSourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    CliHarness cli() {
        return CliHarness.aiLab(home);
    }

    private static void template(Path dir, String version, String readme, String makefile, String ci) throws IOException {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("template.yaml"), "name: remote\nversion: " + version
                + "\ntiers:\n  basic: [README.md, Makefile, ci.yml, LICENSE]\n");
        Files.writeString(dir.resolve("files/README.md"), readme);
        Files.writeString(dir.resolve("files/Makefile"), makefile);
        Files.writeString(dir.resolve("files/ci.yml"), ci);
        Files.writeString(dir.resolve("files/LICENSE"), "Copyright {{year}} the {{project_name}} authors\n");
    }

    private static Map<String, String> outcomes(CliHarness.Result r) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode f : JSON.readTree(r.out()).get("files")) {
            m.put(f.get("path").asText(), f.get("outcome").asText());
        }
        return m;
    }

    @Test
    void aGitTemplateWhoseRefMovedAndWhoseOldCommitIsGoneUpdatesFromTheSnapshot() throws Exception {
        Path repo = home.resolve("tpl-repo");
        String makefileV1 = "build:\n\techo build\n\ntest:\n\techo test\n";
        String v1Commit;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            template(repo, "1.0.0", "# {{project_name}}\n", makefileV1, "steps: [lint]\n");
            git.add().addFilepattern(".").call();
            v1Commit = commit(git, "v1").getName();
        }
        String url = repo.toUri().toString(); // file:///...
        CliHarness.Result made = cli().run("create-project", "demo", "--template", url, "--vcs-ref", "main");
        assertThat(made.exitCode()).as(made.toString()).isZero();
        Path project = home.resolve("demo");
        assertThat(Files.readString(project.resolve(".ai-lab/profile.yaml")))
                .contains("template_source: " + url + "@main:" + v1Commit.substring(0, 12));
        Files.writeString(project.resolve("README.md"), "# demo\n\nNotes of my own.\n");                     // only you
        Files.writeString(project.resolve("Makefile"), makefileV1.replace("echo test", "echo test --mine"));  // both

        // the template's author rewrites main: v1 is amended into v2 and the old commit is collected
        try (Git git = Git.open(repo.toFile())) {
            template(repo, "2.0.0", "# {{project_name}}\n", "build:\n\techo build --v2\n\ntest:\n\techo test\n",
                    "steps: [lint, unit]\n");
            git.add().addFilepattern(".").call();
            commit(git.commit().setAmend(true), "v2");
        }
        gcPrune(repo);
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.getRepository().getObjectDatabase().has(org.eclipse.jgit.lib.ObjectId.fromString(v1Commit)))
                    .as("the commit the project was made from is gone from the template's repository").isFalse();
        }

        CliHarness.Result r = cli().run("project", "update", project.toString(), "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("from_version").asText()).isEqualTo("1.0.0");
        assertThat(json.get("to_version").asText()).isEqualTo("2.0.0");
        assertThat(outcomes(r)).containsEntry("README.md", "kept").containsEntry("Makefile", "merged")
                .containsEntry("ci.yml", "updated").containsEntry("LICENSE", "unchanged");
        assertThat(project.resolve("Makefile")).hasContent("build:\n\techo build --v2\n\ntest:\n\techo test --mine");
        assertThat(project.resolve("README.md")).hasContent("# demo\n\nNotes of my own.");
        assertThat(project.resolve("ci.yml")).hasContent("steps: [lint, unit]");
        String newCommit;
        try (Git git = Git.open(repo.toFile())) {
            newCommit = git.getRepository().resolve(Constants.HEAD).getName();
        }
        assertThat(Files.readString(project.resolve(".ai-lab/profile.yaml"))).contains("template_version: \"2.0.0\"")
                .contains("template_source: " + url + "@main:" + newCommit.substring(0, 12));
    }

    /** A project made from {@code tpl-v1} as if in 2019: its files, profile.yaml and base snapshot say 2019. */
    private Path madeIn2019() throws IOException {
        template(home.resolve("tpl-v1"), "1.0.0", "# {{project_name}}\n", "build:\n", "steps: [lint]\n");
        template(home.resolve("tpl-v2"), "2.0.0", "# {{project_name}}\n", "build:\n", "steps: [lint, unit]\n");
        CliHarness.Result made = cli().run("create-project", "demo", "--template-dir", home.resolve("tpl-v1").toString());
        assertThat(made.exitCode()).as(made.toString()).isZero();
        Path project = home.resolve("demo");
        String now = String.valueOf(Year.now().getValue());
        Path profile = project.resolve(".ai-lab/profile.yaml");
        assertThat(Files.readString(profile)).as("the year is recorded").containsPattern("(?m)^year: \"?" + now + "\"?$");
        assertThat(project.resolve("LICENSE")).hasContent("Copyright " + now + " the demo authors");

        Files.writeString(profile, Files.readString(profile).replaceAll("(?m)^year: .*$", "year: \"2019\""));
        Files.writeString(project.resolve("LICENSE"), "Copyright 2019 the demo authors\n");
        Path baseZip = project.resolve(".ai-lab/update/base.zip");
        Map<String, byte[]> base = new HashMap<>(Snapshot.read(baseZip));
        base.put("LICENSE", "Copyright 2019 the demo authors\n".getBytes(StandardCharsets.UTF_8));
        Files.write(baseZip, Snapshot.write(new TreeMap<>(base)));
        return project;
    }

    @Test
    void theYearAProjectWasMadeInStaysOnUpdateUnlessGiven() throws IOException {
        Path project = madeIn2019();
        String v2 = home.resolve("tpl-v2").toString();
        CliHarness.Result r = cli().run("project", "update", project.toString(), "--template-dir", v2, "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(outcomes(r)).containsEntry("LICENSE", "unchanged").containsEntry("ci.yml", "updated");
        assertThat(project.resolve("LICENSE")).hasContent("Copyright 2019 the demo authors");
        assertThat(Files.readString(project.resolve(".ai-lab/profile.yaml"))).containsPattern("(?m)^year: \"?2019\"?$");

        Map<String, String> before = ProjectUpdateCommandTest.tree(project, true);
        CliHarness.Result bad = cli().run("project", "update", project.toString(), "--template-dir", v2, "--data", "year=next");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("--data year takes a year of four digits, got 'next'").contains("(2019)");
        assertThat(ProjectUpdateCommandTest.tree(project, true)).as("nothing written").isEqualTo(before);

        CliHarness.Result given = cli().run("project", "update", project.toString(), "--template-dir", v2, "--data", "year=2031",
                "-o", "json");
        assertThat(given.exitCode()).as(given.toString()).isZero();
        assertThat(outcomes(given)).containsEntry("LICENSE", "updated");
        assertThat(project.resolve("LICENSE")).hasContent("Copyright 2031 the demo authors");
        assertThat(Files.readString(project.resolve(".ai-lab/profile.yaml"))).containsPattern("(?m)^year: \"?2031\"?$");
    }

    @Test
    void renderingAgainWithForceKeepsTheRecordedYearToo() throws IOException {
        Path project = madeIn2019();
        CliHarness.Result r = cli().run("create-project", "demo", "--template-dir", home.resolve("tpl-v1").toString(), "--force",
                "--dry-run", "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, String> actions = new TreeMap<>();
        for (JsonNode f : JSON.readTree(r.out()).get("files")) {
            actions.put(f.get("path").asText(), f.get("action").asText());
        }
        assertThat(actions).containsEntry("LICENSE", "identical");
    }

    private static RevCommit commit(Git git, String message) throws Exception {
        return commit(git.commit(), message);
    }

    private static RevCommit commit(org.eclipse.jgit.api.CommitCommand c, String message) throws Exception {
        return c.setMessage(message).setSign(false).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
    }

    /** Drops every unreachable object, as a server does some time after a force-push (with the git command). */
    private static void gcPrune(Path repo) throws Exception {
        git(repo, "reflog", "expire", "--expire=now", "--all");
        git(repo, "gc", "--prune=now", "-q");
    }

    private static void git(Path repo, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("git", "-C", repo.toString()));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
    }
}
