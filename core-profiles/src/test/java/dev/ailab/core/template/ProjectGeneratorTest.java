package dev.ailab.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.Sha256;
import dev.ailab.core.profile.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectGeneratorTest {
    @TempDir
    Path dir;

    static final String MANIFEST = """
            name: tiny
            version: 2.1.0
            questions:
              - name: greeting
                default: Hello
              - name: docker
                type: bool
              - name: services
                type: list
                pattern: "[a-z]+"
            tiers:
              basic:
                - README.md.mustache
                - "src/{{project_snake}}/main.txt"
                - { path: Dockerfile, when: docker }
                - { path: svc.txt, to: "services/{{item}}.txt", each: services }
              standard:
                - { path: ci.yml, delimiters: "<% %>" }
                - { path: chart.yaml, verbatim: true }
            """;

    /** Writes a template folder: manifest plus files. */
    static Path template(Path root, String manifest, Map<String, String> files) throws IOException {
        Files.createDirectories(root.resolve("files"));
        Files.writeString(root.resolve("template.yaml"), manifest);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve("files").resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return root;
    }

    TemplatePack tiny() throws IOException {
        return TemplatePack.load(template(dir.resolve("tpl"), MANIFEST, Map.of(
                "README.md.mustache", "# {{project_name}}\n{{greeting}} & welcome{{#profile_standard}} (standard){{/profile_standard}}\n",
                "src/{{project_snake}}/main.txt", "main of {{project_slug}}\n",
                "Dockerfile", "FROM scratch\n",
                "svc.txt", "service {{item}} of {{project_name}}\n",
                "ci.yml", "name: <% project_name %>\nrun: ${{ github.sha }}\n",
                "chart.yaml", "name: {{ .Chart.Name }} {{project_name}}\n")), "test");
    }

    ProjectGenerator.Result run(TemplatePack pack, Path target, Profile profile, Map<String, Object> given, boolean force,
            boolean dryRun) {
        return run(new ProjectGenerator(), pack, target, profile, given, force, dryRun);
    }

    ProjectGenerator.Result run(ProjectGenerator gen, TemplatePack pack, Path target, Profile profile, Map<String, Object> given,
            boolean force, boolean dryRun) {
        MustacheRenderer r = new MustacheRenderer();
        Map<String, Object> builtins = Answers.builtins(target.getFileName().toString(), profile, pack);
        Map<String, Object> ctx = Answers.resolve(pack, builtins, given, ProjectGenerator.previousAnswers(target), null, r);
        Map<String, Object> answers = new HashMap<>(ctx);
        answers.keySet().removeAll(builtins.keySet());
        return gen.generate(new ProjectGenerator.Request(target, profile, pack, ctx, answers, force, dryRun, "test"));
    }

    @Test
    void followsTiersConditionsLoopsDelimitersAndVerbatim() throws IOException {
        Path target = dir.resolve("My App");
        run(tiny(), target, Profile.STANDARD, Map.of("docker", "yes", "services", "auth, web"), false, false);
        assertThat(Files.readString(target.resolve("README.md"))).isEqualTo("# My App\nHello & welcome (standard)\n");
        assertThat(Files.readString(target.resolve("src/my_app/main.txt"))).isEqualTo("main of my-app\n");
        assertThat(target.resolve("Dockerfile")).exists();
        assertThat(Files.readString(target.resolve("services/web.txt"))).isEqualTo("service web of My App\n");
        assertThat(Files.readString(target.resolve("ci.yml"))).isEqualTo("name: My App\nrun: ${{ github.sha }}\n");
        assertThat(Files.readString(target.resolve("chart.yaml"))).isEqualTo("name: {{ .Chart.Name }} {{project_name}}\n");
        assertThat(Files.readString(target.resolve(".ai-lab/config.yaml")))
                .contains("project_name: My App").contains("greeting: Hello").contains("docker: true").contains("- auth");
    }

    @Test
    void basicProfileLeavesOutHigherTiersAndFalseConditions() throws IOException {
        Path target = dir.resolve("app");
        ProjectGenerator.Result r = run(tiny(), target, Profile.BASIC, Map.of(), false, false);
        assertThat(r.files()).extracting(ProjectGenerator.PlannedFile::path).containsExactly("README.md", "src/app/main.txt");
        assertThat(target.resolve("ci.yml")).doesNotExist();
        assertThat(target.resolve("Dockerfile")).doesNotExist();
    }

    @Test
    void dryRunWritesNothing() throws IOException {
        Path target = dir.resolve("app");
        ProjectGenerator.Result r = run(tiny(), target, Profile.STANDARD, Map.of(), false, true);
        assertThat(r.written()).isFalse();
        assertThat(r.files()).hasSize(4).allMatch(f -> f.action() == ProjectGenerator.Action.CREATE);
        assertThat(target).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("tpl");
        }
    }

    @Test
    void refusesNonEmptyTargetWithoutForce() throws IOException {
        Path target = dir.resolve("app");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> run(tiny(), target, Profile.BASIC, Map.of(), false, false))
                .isInstanceOf(OperationFailedException.class)
                .hasMessage("target folder " + target + " exists and is not empty");
        assertThat(target.resolve("README.md")).doesNotExist();
        assertThatThrownBy(() -> run(tiny(), target, Profile.BASIC, Map.of(), false, true))
                .isInstanceOf(OperationFailedException.class);
    }

    @Test
    void emptyTargetFolderIsFine() throws IOException {
        Path target = Files.createDirectories(dir.resolve("app"));
        run(tiny(), target, Profile.BASIC, Map.of(), false, false);
        assertThat(target.resolve("README.md")).exists();
    }

    @Test
    void forceAddsFilesKeepsUserChangesAndDeletesNothing() throws IOException {
        Path target = dir.resolve("app");
        TemplatePack pack = tiny();
        run(pack, target, Profile.BASIC, Map.of(), false, false);
        Files.writeString(target.resolve("README.md"), "my own readme\n"); // changed by the user
        Files.writeString(target.resolve("notes.txt"), "mine");             // never ours
        Files.writeString(target.resolve("ci.yml"), "my ci\n");              // ours at standard, but the user's already

        ProjectGenerator.Result plan = run(pack, target, Profile.STANDARD, Map.of("greeting", "Hi"), true, true);
        assertThat(actions(plan)).containsEntry("README.md", ProjectGenerator.Action.SKIP)
                .containsEntry("src/app/main.txt", ProjectGenerator.Action.IDENTICAL)
                .containsEntry("ci.yml", ProjectGenerator.Action.SKIP)
                .containsEntry("chart.yaml", ProjectGenerator.Action.CREATE);
        assertThat(target.resolve("chart.yaml")).doesNotExist();

        run(pack, target, Profile.STANDARD, Map.of(), true, false);
        assertThat(Files.readString(target.resolve("README.md"))).isEqualTo("my own readme\n");
        assertThat(Files.readString(target.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(Files.readString(target.resolve("ci.yml"))).isEqualTo("my ci\n");
        assertThat(target.resolve("chart.yaml")).exists();
        assertThat(Files.readString(target.resolve(".ai-lab/profile.yaml"))).contains("profile: standard");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().contains("ai-lab-tmp")).toList()).isEmpty();
        }
    }

    @Test
    void forceNeverWritesThroughSymbolicLinks() throws IOException {
        Path target = dir.resolve("app");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(target);
        Files.createSymbolicLink(target.resolve("src"), elsewhere);            // a folder linked out of the project
        Files.writeString(elsewhere.resolve("precious.txt"), "keep");
        Files.createSymbolicLink(target.resolve("README.md"), elsewhere.resolve("precious.txt"));
        ProjectGenerator.Result r = run(tiny(), target, Profile.BASIC, Map.of(), true, false);
        assertThat(actions(r)).containsEntry("src/app/main.txt", ProjectGenerator.Action.SKIP)
                .containsEntry("README.md", ProjectGenerator.Action.SKIP);
        assertThat(names(elsewhere)).containsExactly("precious.txt");
        assertThat(Files.readString(elsewhere.resolve("precious.txt"))).isEqualTo("keep");
        assertThat(Files.isSymbolicLink(target.resolve("README.md"))).isTrue();
    }

    @Test
    void untouchedGeneratedFilesAreOverwrittenOnALaterRender() throws IOException {
        Path target = dir.resolve("app");
        TemplatePack pack = tiny();
        run(pack, target, Profile.BASIC, Map.of(), false, false);
        ProjectGenerator.Result r = run(pack, target, Profile.BASIC, Map.of("greeting", "Hi"), true, false);
        assertThat(actions(r)).containsEntry("README.md", ProjectGenerator.Action.OVERWRITE)
                .containsEntry("src/app/main.txt", ProjectGenerator.Action.IDENTICAL);
        assertThat(Files.readString(target.resolve("README.md"))).startsWith("# app\nHi & welcome");
        // the new hash is recorded, so the next render still knows the file is ours
        assertThat(ProjectGenerator.readChecksums(target.resolve(".ai-lab/checksums.sha256")).get("README.md"))
                .isEqualTo(Sha256.of(Files.readAllBytes(target.resolve("README.md"))));
    }

    @Test
    void earlierAnswersAreReusedOnALaterRender() throws IOException {
        Path target = dir.resolve("app");
        TemplatePack pack = tiny();
        run(pack, target, Profile.BASIC, Map.of("greeting", "Howdy"), false, false);
        run(pack, target, Profile.STANDARD, Map.of(), true, false);
        assertThat(Files.readString(target.resolve("README.md"))).startsWith("# app\nHowdy & welcome (standard)");
    }

    @Test
    void projectLocalOverridesAreHonouredOnLaterRenders() throws IOException {
        Path target = dir.resolve("app");
        TemplatePack pack = tiny();
        run(pack, target, Profile.BASIC, Map.of(), false, false);
        Files.writeString(target.resolve(".ai-lab/templates/README.md"), "# {{project_name}} (our own layout)\n");
        ProjectGenerator.Result r = run(pack, target, Profile.BASIC, Map.of(), true, false);
        assertThat(actions(r)).containsEntry("README.md", ProjectGenerator.Action.OVERWRITE);
        assertThat(Files.readString(target.resolve("README.md"))).isEqualTo("# app (our own layout)\n");
        assertThat(target.resolve(".ai-lab/templates/README.md")).exists();
    }

    @Test
    void failureMidWriteLeavesNoProjectAndNoTemporaryFolder() throws IOException {
        Path target = dir.resolve("app");
        ProjectGenerator gen = new ProjectGenerator().observer((file, index) -> {
            if (index == 2) {
                throw new IOException("disk full (injected)");
            }
        });
        assertThatThrownBy(() -> run(gen, tiny(), target, Profile.STANDARD, Map.of(), false, false))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full (injected)");
        assertThat(target).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("tpl");
        }
    }

    @Test
    void failureMidRenderLeavesNothing() throws IOException {
        TemplatePack pack = TemplatePack.load(template(dir.resolve("bad"), """
                tiers:
                  basic: [a.txt, b.txt, c.txt]
                """, Map.of("a.txt", "ok", "b.txt", "{{#open}} never closed", "c.txt", "ok")), "test");
        Path target = dir.resolve("app");
        assertThatThrownBy(() -> run(pack, target, Profile.BASIC, Map.of(), false, false))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("template b.txt: ");
        assertThat(target).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("bad");
        }
    }

    @Test
    void answersCannotMakePathsLeaveTheProject() throws IOException {
        TemplatePack pack = TemplatePack.load(template(dir.resolve("t"), """
                questions:
                  - name: where
                tiers:
                  basic: [ { path: a.txt, to: "{{where}}/a.txt" } ]
                """, Map.of("a.txt", "x")), "test");
        assertThatThrownBy(() -> run(pack, dir.resolve("app"), Profile.BASIC, Map.of("where", "../../etc"), false, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("leaves the project");
        assertThatThrownBy(() -> run(pack, dir.resolve("app"), Profile.BASIC, Map.of("where", ".ai-lab"), false, false))
                .isInstanceOf(InvalidInputException.class);
        assertThat(dir.resolve("app")).doesNotExist();
    }

    @Test
    void manifestErrorsNameFileLineAndColumn() throws IOException {
        Path t = template(dir.resolve("t"), "name: x\ntiers:\n  basic: [a.txt]\n  bogus_key: 1\nquestions: {oops\n", Map.of());
        assertThatThrownBy(() -> TemplatePack.load(t, "test")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(t.resolve("template.yaml") + ":");
        Path u = template(dir.resolve("u"), "name: x\ntiers:\n  expert: [a.txt]\n", Map.of());
        assertThatThrownBy(() -> TemplatePack.load(u, "test")).hasMessage(u.resolve("template.yaml") + ":3:3: unknown tier 'expert'");
        Path v = template(dir.resolve("v"), "name: x\ncolour: red\ntiers:\n  basic: [a.txt]\n", Map.of());
        assertThatThrownBy(() -> TemplatePack.load(v, "test")).hasMessageStartingWith(v.resolve("template.yaml") + ":2:");
        Path w = template(dir.resolve("w"), "tiers:\n  basic: [missing.txt]\n", Map.of());
        assertThatThrownBy(() -> run(TemplatePack.load(w, "test"), dir.resolve("app"), Profile.BASIC, Map.of(), false, false))
                .hasMessage("template w lists 'missing.txt' but files/missing.txt does not exist");
    }

    @Test
    void everyManifestErrorIsReportedAtOnceWithItsPosition() throws IOException {
        Path t = template(dir.resolve("many"), """
                name: x
                colour: red
                questions:
                  - name: a
                    promt: A?
                  - prompt: no name
                tiers:
                  basic: [a.txt, {path: b.txt, wen: "x == 1"}]
                  expert: [c.txt]
                """, Map.of());
        Path file = t.resolve("template.yaml");
        assertThatThrownBy(() -> TemplatePack.load(t, "test")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("5 problems in the template manifest:")
                        .contains(file + ":2:1: unknown key 'colour'")
                        .contains(file + ":5:5: unknown key 'promt'")
                        .contains(file + ":6:5: a question has no name")
                        .contains(file + ":8:32: unknown key 'wen'")
                        .contains(file + ":9:3: unknown tier 'expert'")
                        .contains("hint: known keys here:"));
    }

    @Test
    void globsPickUpWholeTrees() throws IOException {
        TemplatePack pack = TemplatePack.load(template(dir.resolve("g"), "tiers:\n  basic: [\"**\"]\n",
                Map.of("a.txt", "{{project_name}}", "deep/er/b.txt", "b", "{{project_slug}}/c.txt", "c")), "test");
        Path target = dir.resolve("Big One");
        ProjectGenerator.Result r = run(pack, target, Profile.BASIC, Map.of(), false, false);
        assertThat(r.files()).extracting(ProjectGenerator.PlannedFile::path)
                .containsExactlyInAnyOrder("a.txt", "deep/er/b.txt", "big-one/c.txt");
        assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("Big One");
    }

    private static Map<String, ProjectGenerator.Action> actions(ProjectGenerator.Result r) {
        Map<String, ProjectGenerator.Action> m = new HashMap<>();
        r.files().forEach(f -> m.put(f.path(), f.action()));
        return m;
    }

    @SuppressWarnings("unused")
    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
