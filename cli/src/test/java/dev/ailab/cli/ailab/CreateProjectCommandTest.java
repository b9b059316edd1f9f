package dev.ailab.cli.ailab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateProjectCommandTest {
    @TempDir
    Path home;

    CliHarness cli() {
        return CliHarness.aiLab(home);
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsAProjectWithDefaultsInScripts() throws IOException {
        CliHarness.Result r = cli().run("create-project", "demo");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Created " + home.resolve("demo") + " (template python 1.1.0, profile standard, ")
                .contains("Next steps:\n  cd demo\n");
        assertThat(r.err()).doesNotContain("?");
        assertThat(home.resolve("demo/src/demo/core.py")).exists();
        assertThat(home.resolve("demo/.github/workflows/ci.yml")).exists();
        assertThat(home.resolve("demo/Dockerfile")).doesNotExist();
        assertThat(Files.readString(home.resolve("demo/.ai-lab/profile.yaml"))).contains("profile: standard\ntemplate: python\n");
    }

    @Test
    void nextStepsAreRelativeToTheFolderTheUserIsIn() throws IOException {
        CliHarness.Result nested = cli().run("create-project", "deep", "--defaults", "--dir", "work/projects");
        assertThat(nested.exitCode()).as(nested.toString()).isZero();
        assertThat(nested.out()).contains("Next steps:\n  cd work/projects/deep\n");
        Path inside = Files.createDirectories(home.resolve("work/inside"));
        CliHarness.Result sibling = cli().workingDir(inside).run("create-project", "side", "--defaults", "--dir", "../projects");
        assertThat(sibling.exitCode()).as(sibling.toString()).isZero();
        assertThat(sibling.out()).contains("Next steps:\n  cd ../projects/side\n");
        assertThat(CreateProjectCommand.fromHere("cd demo", home.resolve("demo"), home.resolve("demo")))
                .as("already there: no cd").isNull();
        assertThat(CreateProjectCommand.fromHere("make test", home.resolve("demo"), home)).isEqualTo("make test");
    }

    @Test
    void dataAndDataFileAnswerQuestions() throws IOException {
        Files.writeString(home.resolve("answers.yaml"), "author: Grace\njava_version: '17'\n");
        CliHarness.Result r = cli().run("create-project", "api", "--template", "java", "--profile", "basic",
                "--data-file", "answers.yaml", "--data", "group_id=org.acme", "-d", "java_version=21", "--dir", "work");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path app = home.resolve("work/api/src/main/java/org/acme/api/App.java");
        assertThat(Files.readString(app)).startsWith("package org.acme.api;");
        assertThat(Files.readString(home.resolve("work/api/pom.xml"))).contains("<maven.compiler.release>21</maven.compiler.release>");
        assertThat(Files.readString(home.resolve("work/api/.ai-lab/config.yaml"))).contains("group_id: org.acme");
    }

    @Test
    void invalidNamesExit2SayingWhatIsAllowed() {
        for (String bad : List.of("a/b", "..", "con", "_x", "white space")) {
            CliHarness.Result r = cli().run("create-project", bad);
            assertThat(r.exitCode()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).startsWith("error: invalid project name '" + bad + "': ")
                    .contains("hint: use letters, digits, '-', '_' and '.'").doesNotContain("Exception");
        }
        assertThat(home.toFile().list()).isEmpty();
    }

    @Test
    void badAnswerOrOptionIsExit2() {
        CliHarness.Result r = cli().run("create-project", "demo", "--data", "python_version=2.7");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: --data python_version: '2.7' is not one of the choices for python_version")
                .contains("hint: allowed: 3.11, 3.12, 3.13, 3.10");
        CliHarness.Result p = cli().run("create-project", "demo", "--profile", "expert");
        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.err()).contains("unknown profile 'expert'");
        CliHarness.Result t = cli().run("create-project", "demo", "--template", "cobol");
        assertThat(t.exitCode()).isEqualTo(2);
        assertThat(t.err()).contains("unknown template 'cobol'").contains("python, java, agent-os, monorepo");
        assertThat(home.resolve("demo")).doesNotExist();
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws IOException {
        CliHarness.Result r = cli().run("create-project", "demo", "--profile", "basic", "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Plan for " + home.resolve("demo") + " (template python 1.1.0, profile basic):")
                .contains("  create     README.md\n").contains("  create     src/demo/__init__.py\n")
                .contains("Nothing written (dry run).");
        assertThat(names(home)).isEmpty();
    }

    @Test
    void dryRunWithForceShowsIdenticalOverwriteAndSkipAsJson() throws IOException {
        assertThat(cli().run("create-project", "demo", "--profile", "basic").exitCode()).isZero();
        Files.writeString(home.resolve("demo/README.md"), "mine\n");
        CliHarness.Result r = cli().run("create-project", "demo", "--profile", "basic", "--data", "author=Ada",
                "--force", "--dry-run", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("dry_run").asBoolean()).isTrue();
        assertThat(json.get("new_project").asBoolean()).isFalse();
        assertThat(action(json, "README.md")).isEqualTo("skip");
        assertThat(action(json, "src/demo/core.py")).isEqualTo("identical");
        assertThat(action(json, "pyproject.toml")).isEqualTo("overwrite"); // the author changed, the file is still ours
        assertThat(Files.readString(home.resolve("demo/README.md"))).isEqualTo("mine\n");
        assertThat(Files.readString(home.resolve("demo/pyproject.toml"))).contains("Your Name");
    }

    private static String action(JsonNode json, String path) {
        for (JsonNode f : json.get("files")) {
            if (f.get("path").asText().equals(path)) {
                return f.get("action").asText();
            }
        }
        return null;
    }

    @Test
    void nonEmptyTargetIsRefusedUnlessForceAndUserFilesSurvive() throws IOException {
        Files.createDirectories(home.resolve("demo"));
        Files.writeString(home.resolve("demo/notes.txt"), "keep me");
        CliHarness.Result r = cli().run("create-project", "demo");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("error: target folder " + home.resolve("demo") + " exists and is not empty")
                .contains("hint: choose another name or --dir, or add --force");
        assertThat(names(home.resolve("demo"))).containsExactly("notes.txt");

        CliHarness.Result f = cli().run("create-project", "demo", "--force");
        assertThat(f.exitCode()).as(f.toString()).isZero();
        assertThat(f.out()).contains("Updated " + home.resolve("demo")).contains("  create     README.md");
        assertThat(Files.readString(home.resolve("demo/notes.txt"))).isEqualTo("keep me");
        assertThat(home.resolve("demo/README.md")).exists();
        assertThat(names(home)).containsExactly("demo");
    }

    @Test
    void failureMidRenderLeavesNoProjectAndNoTemporaryFolder() throws IOException {
        Path tpl = home.resolve("tpl");
        Files.createDirectories(tpl.resolve("files"));
        Files.writeString(tpl.resolve("template.yaml"), "name: broken\ntiers:\n  basic: [a.txt, b.txt, c.txt]\n");
        Files.writeString(tpl.resolve("files/a.txt"), "fine {{project_name}}");
        Files.writeString(tpl.resolve("files/b.txt"), "{{#unclosed}} oops");
        Files.writeString(tpl.resolve("files/c.txt"), "fine");
        CliHarness.Result r = cli().run("create-project", "demo", "--template-dir", "tpl", "--dir", "out");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: template b.txt: ");
        assertThat(home.resolve("out/demo")).doesNotExist();
        assertThat(names(home)).containsExactly("tpl");
    }

    @Test
    void terminalAsksMissingAnswersWithDefaultsHelpAndValidation() throws IOException {
        String typed = String.join("\n", "", "basic", "", "Bad-Name", "good_pkg", "", "3.12", "none") + "\n";
        CliHarness.Result r = cli().interactive(true).stdin(typed).run("create-project", "demo");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("? Template (python/java/agent-os/monorepo) [python]: ")
                .contains("? Profile (basic/standard/advanced) [standard]: ")
                .contains("? One-line description [demo, a Python package]: ")
                .contains("  the name used in 'import ...'; lower case letters, digits and '_'")
                .contains("? Import package name [demo]: ")
                .contains("  ! the answer: 'Bad-Name' does not fit package; it must match [a-z_][a-z0-9_]*")
                .contains("? Python version (3.11/3.12/3.13/3.10) [3.11]: ");
        assertThat(home.resolve("demo/src/good_pkg/core.py")).exists();
        assertThat(home.resolve("demo/LICENSE")).doesNotExist();
        assertThat(home.resolve("demo/Makefile")).doesNotExist();
        assertThat(Files.readString(home.resolve("demo/pyproject.toml"))).contains("requires-python = \">=3.12\"");
    }

    @Test
    void everyLicenseChoiceGetsItsLicenseFile() throws IOException {
        for (String license : new String[] {"MIT", "Apache-2.0", "none"}) {
            String name = "lic-" + license.toLowerCase(java.util.Locale.ROOT).replace(".", "");
            CliHarness.Result r = cli().run("create-project", name, "--defaults", "--data", "license=" + license, "--data", "author=Ada");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            Path file = home.resolve(name + "/LICENSE");
            switch (license) {
                case "MIT" -> assertThat(Files.readString(file)).startsWith("MIT License").contains("Ada");
                case "Apache-2.0" -> assertThat(Files.readString(file)).startsWith("SPDX-License-Identifier: Apache-2.0")
                        .contains("Copyright").contains("Ada").contains(name);
                default -> assertThat(file).doesNotExist();
            }
        }
    }

    @Test
    void terminalInputEndingEarlyIsAnErrorNotAHang() {
        CliHarness.Result r = cli().interactive(true).stdin("java\nbasic\n").run("create-project", "demo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: input ended before 'description' was answered");
        assertThat(home.resolve("demo")).doesNotExist();
    }

    @Test
    void dataOrDefaultsOnATerminalNeverAsk() {
        CliHarness.Result r = cli().interactive(true).stdin("this must not be read\n")
                .run("create-project", "demo", "--data", "author=Ada");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("?");
        CliHarness.Result d = cli().interactive(true).stdin("").run("create-project", "demo2", "--defaults");
        assertThat(d.exitCode()).as(d.toString()).isZero();
        assertThat(d.err()).doesNotContain("?");
    }

    @Test
    void userTemplatesFromXdgConfigAndTemplateDir() throws IOException {
        Path user = home.resolve(".config/ai-lab/templates/notes");
        Files.createDirectories(user.resolve("files"));
        Files.writeString(user.resolve("template.yaml"), """
                version: 0.3.0
                description: Plain notes
                questions:
                  - name: topic
                    default: general
                tiers:
                  basic: [ "{{topic}}.md" ]
                """);
        Files.writeString(user.resolve("files/{{topic}}.md"), "# {{project_name}} on {{topic}}\n");
        CliHarness.Result r = cli().run("create-project", "book", "--template", "notes", "--data", "topic=cats");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(home.resolve("book/cats.md"))).isEqualTo("# book on cats\n");
        assertThat(Files.readString(home.resolve("book/.ai-lab/profile.yaml"))).contains("template: notes")
                .contains("template_version: \"0.3.0\"").contains("template_source: " + user);

        CliHarness.Result d = cli().run("create-project", "book2", "--template-dir", user.toString());
        assertThat(d.exitCode()).as(d.toString()).isZero();
        assertThat(home.resolve("book2/general.md")).exists();

        CliHarness.Result list = cli().run("template", "list");
        assertThat(list.out()).contains("notes").contains("0.3.0").contains("python").contains("built-in");
    }

    @Test
    void monorepoThenAServiceInsideIt() throws IOException {
        CliHarness.Result m = cli().run("create-project", "platform", "--template", "monorepo", "--data", "services=auth");
        assertThat(m.exitCode()).as(m.toString()).isZero();
        CliHarness.Result s = cli().workingDir(home.resolve("platform"))
                .run("create-project", "billing", "--template", "python", "--dir", "services", "--defaults");
        assertThat(s.exitCode()).as(s.toString()).isZero();
        assertThat(s.out()).contains("Part of monorepo platform (" + home.resolve("platform") + ")");
        Path svc = home.resolve("platform/services/billing");
        assertThat(svc.resolve("Makefile")).exists();
        assertThat(svc.resolve(".github")).doesNotExist(); // the monorepo's CI covers its services
        assertThat(svc.resolve("src/billing/core.py")).exists();
        // a project outside any monorepo keeps its own CI
        assertThat(cli().run("create-project", "solo").exitCode()).isZero();
        assertThat(home.resolve("solo/.github/workflows/ci.yml")).exists();
    }
}
