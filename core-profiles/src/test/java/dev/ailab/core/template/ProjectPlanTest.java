package dev.ailab.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.profile.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which template, which profile and which answers win, on real project folders. */
class ProjectPlanTest {
    private static final String LAYERED = """
            name: layered
            questions:
              - name: only_default
                default: "from-default"
              - name: earlier_wins
                default: "from-default"
              - name: file_wins
                default: "from-default"
              - name: data_wins
                default: "from-default"
            tiers:
              basic: []
            """;

    @TempDir
    Path dir;

    /** Scripted terminal answers; records what was offered. */
    static final class Terminal implements ProjectPlan.Asker {
        final Deque<String> lines;
        final List<String> offered = new ArrayList<>();

        Terminal(String... lines) {
            this.lines = new ArrayDeque<>(List.of(lines));
        }

        @Override
        public String ask(TemplateManifest.Question q, String defaultText, String problem) {
            offered.add(q.name + " [" + defaultText + "]");
            return lines.poll();
        }

        @Override
        public String choose(String prompt, List<String> choices, String dflt) {
            offered.add(prompt + " " + choices + " [" + dflt + "]");
            String line = lines.poll();
            return line != null && line.isEmpty() ? dflt : line;
        }
    }

    static final ProjectPlan.Asker NEVER = new ProjectPlan.Asker() {
        @Override
        public String ask(TemplateManifest.Question q, String defaultText, String problem) {
            throw new AssertionError("asked " + q.name);
        }

        @Override
        public String choose(String prompt, List<String> choices, String dflt) {
            throw new AssertionError("asked to choose the " + prompt);
        }
    };

    ProjectPlan.Options options(String template, String templateDir, String profile) {
        return new ProjectPlan.Options("demo", dir, profile, template, templateDir, Map.of(), null, false, false);
    }

    TemplateCatalog catalog() {
        return new TemplateCatalog(dir.resolve("config/ai-lab/templates"));
    }

    /** Records in {@code dir/demo} that it was made from {@code template} (from {@code source}) at {@code profile}. */
    Path earlierProject(String template, String source, String profile, String answersYaml) throws IOException {
        Path project = dir.resolve("demo");
        Files.createDirectories(project.resolve(ProjectGenerator.META));
        Files.writeString(project.resolve(ProjectGenerator.PROFILE_FILE),
                "profile: " + profile + "\ntemplate: " + template + "\ntemplate_source: " + source + "\n");
        if (answersYaml != null) {
            Files.writeString(project.resolve(ProjectGenerator.CONFIG_FILE), "project_name: demo\nanswers:\n" + answersYaml);
        }
        return project;
    }

    TemplatePack layered() throws IOException {
        return TemplatePack.load(ProjectGeneratorTest.template(dir.resolve("tpl"), LAYERED, Map.of()), "test");
    }

    // ---- which template ------------------------------------------------------------------

    @Test
    void templateGivenOnTheCommandLineWinsOverTheEarlierOne() throws IOException {
        earlierProject("java", TemplateCatalog.BUILTIN, "basic", null);
        assertThat(ProjectPlan.choose(options("agent-os", null, null), catalog(), NEVER).templateName()).isEqualTo("agent-os");
        assertThat(ProjectPlan.choose(options(null, "some/folder", null), catalog(), NEVER).templateName())
                .as("--template-dir names the template itself").isNull();
    }

    @Test
    void theBuiltInTemplateAProjectWasMadeFromIsUsedAgain() throws IOException {
        earlierProject("java", TemplateCatalog.BUILTIN, "basic", null);
        assertThat(ProjectPlan.choose(options(null, null, null), catalog(), NEVER).templateName()).isEqualTo("java");
    }

    @Test
    void aTemplateFromAFolderOrGitIsNotReusedByNameAndScriptsGetTheDefault() throws IOException {
        earlierProject("mine", "/somewhere/mine", "basic", null);
        assertThat(ProjectPlan.choose(options(null, null, null), catalog(), null).templateName())
                .isEqualTo(ProjectPlan.DEFAULT_TEMPLATE).isEqualTo("python");
    }

    @Test
    void aTerminalChoosesAmongTheUserTemplatesAndTheBuiltInOnes() throws IOException {
        ProjectGeneratorTest.template(catalog().userTemplates().resolve("mine"), "name: mine\ntiers:\n  basic: []\n", Map.of());
        Terminal terminal = new Terminal("mine", "");
        ProjectPlan plan = ProjectPlan.choose(options(null, null, null), catalog(), terminal);
        assertThat(plan.templateName()).isEqualTo("mine");
        assertThat(plan.profile()).isEqualTo(Profile.STANDARD);
        assertThat(terminal.offered).containsExactly(
                "Template [mine, python, java, agent-os, monorepo] [python]",
                "Profile [basic, standard, advanced] [standard]");
        assertThatThrownBy(() -> ProjectPlan.choose(options(null, null, null), catalog(), new Terminal()))
                .isInstanceOf(InvalidInputException.class).hasMessage("input ended before a template was chosen");
    }

    @Test
    void aNameIsFoundInTheUserTemplatesBeforeTheBuiltInOnes() throws IOException {
        Path mine = ProjectGeneratorTest.template(catalog().userTemplates().resolve("python"),
                "name: python\ntiers:\n  basic: []\n", Map.of());
        assertThat(catalog().find("python").origin()).isEqualTo(mine.toString());
        assertThat(catalog().find("java").origin()).isEqualTo(TemplateCatalog.BUILTIN);
    }

    // ---- which profile -------------------------------------------------------------------

    @Test
    void profileGivenWinsThenTheEarlierOneThenTheTerminalThenStandard() throws IOException {
        assertThat(ProjectPlan.choose(options("java", null, null), catalog(), null).profile()).isEqualTo(Profile.STANDARD);
        assertThat(ProjectPlan.choose(options("java", null, null), catalog(), new Terminal("basic")).profile())
                .isEqualTo(Profile.BASIC);
        assertThatThrownBy(() -> ProjectPlan.choose(options("java", null, null), catalog(), new Terminal()))
                .hasMessage("input ended before a profile was chosen");

        earlierProject("java", TemplateCatalog.BUILTIN, "advanced", null);
        assertThat(ProjectPlan.choose(options("java", null, null), catalog(), NEVER).profile()).isEqualTo(Profile.ADVANCED);
        assertThat(ProjectPlan.choose(options("java", null, "basic"), catalog(), NEVER).profile()).isEqualTo(Profile.BASIC);
    }

    // ---- which answers -------------------------------------------------------------------

    @Test
    void dataBeatsTheAnswersFileWhichBeatsEarlierAnswersWhichBeatDefaults() throws IOException {
        earlierProject("layered", "test", "basic", """
                  earlier_wins: from-earlier
                  file_wins: from-earlier
                  data_wins: from-earlier
                  no_longer_asked: from-earlier
                """);
        Path answersFile = Files.writeString(dir.resolve("answers.yaml"), "file_wins: from-file\ndata_wins: from-file\n");
        ProjectPlan.Options options = new ProjectPlan.Options("demo", dir, null, null, "tpl", Map.of("data_wins", "from-data"),
                answersFile, false, true);
        assertThat(options.asks()).isFalse();

        ProjectPlan plan = ProjectPlan.choose(options, catalog(), null);
        ProjectPlan.Answered answered = plan.answer(layered());

        assertThat(answered.answers()).containsExactly(
                Map.entry("only_default", "from-default"),
                Map.entry("earlier_wins", "from-earlier"),
                Map.entry("file_wins", "from-file"),
                Map.entry("data_wins", "from-data"));
        assertThat(answered.context()).containsEntry("project_name", "demo").containsEntry("profile", "basic")
                .containsEntry("data_wins", "from-data").containsEntry("data_wins_path", "from-data")
                .doesNotContainKey("no_longer_asked").doesNotContainKey("in_monorepo");
    }

    @Test
    void aTerminalOffersTheEarlierAnswerElseTheDefaultAndWhatIsTypedWins() throws IOException {
        earlierProject("layered", "test", "basic", "  earlier_wins: from-earlier\n  file_wins: from-earlier\n");
        Terminal terminal = new Terminal("", "", "typed", "");
        ProjectPlan plan = ProjectPlan.choose(new ProjectPlan.Options("demo", dir, null, null, "tpl", Map.of(), null, false, true),
                catalog(), terminal);

        Map<String, Object> answers = plan.answer(layered()).answers();

        assertThat(terminal.offered).containsExactly("only_default [from-default]", "earlier_wins [from-earlier]",
                "file_wins [from-earlier]", "data_wins [from-default]");
        assertThat(answers).containsEntry("only_default", "from-default").containsEntry("earlier_wins", "from-earlier")
                .containsEntry("file_wins", "typed").containsEntry("data_wins", "from-default");
    }

    @Test
    void nothingIsAskedInScriptsWithDefaultsOrWhenAnyAnswerIsGiven() {
        Path file = dir.resolve("answers.yaml");
        assertThat(new ProjectPlan.Options("demo", dir, null, null, null, Map.of(), null, false, true).asks()).isTrue();
        assertThat(new ProjectPlan.Options("demo", dir, null, null, null, Map.of(), null, false, false).asks()).isFalse();
        assertThat(new ProjectPlan.Options("demo", dir, null, null, null, Map.of(), null, true, true).asks()).isFalse();
        assertThat(new ProjectPlan.Options("demo", dir, null, null, null, Map.of("a", "b"), null, false, true).asks()).isFalse();
        assertThat(new ProjectPlan.Options("demo", dir, null, null, null, Map.of(), file, false, true).asks()).isFalse();
    }

    @Test
    void aMissingAnswersFileIsAnErrorAndDevNullGivesNoAnswers() throws IOException {
        ProjectPlan.Options missing = new ProjectPlan.Options("demo", dir, null, null, "tpl", Map.of(),
                dir.resolve("nope.yaml"), false, false);
        TemplatePack pack = layered();
        assertThatThrownBy(() -> ProjectPlan.choose(missing, catalog(), null).answer(pack))
                .isInstanceOf(InvalidInputException.class).hasMessage("answers file not found: " + dir.resolve("nope.yaml"));
        assertThat(ProjectPlan.readAnswersFile(Path.of("/dev/null"))).isEmpty();
    }

    @Test
    void aProjectInsideAMonorepoIsOneOfItsServicesAndTheNameIsChecked() throws IOException {
        Path root = MonorepoTest.project(dir.resolve("platform"), Monorepo.TEMPLATE);
        Path services = Files.createDirectories(root.resolve("services"));
        ProjectPlan plan = ProjectPlan.choose(new ProjectPlan.Options("auth", services, null, null, "tpl", Map.of(), null,
                false, false), catalog(), null);

        assertThat(plan.target()).isEqualTo(services.resolve("auth"));
        assertThat(plan.monorepo()).isEqualTo(new Monorepo(root, "platform"));
        ProjectPlan.Answered answered = plan.answer(layered());
        assertThat(answered.context()).containsEntry("monorepo_name", "platform").containsEntry("in_monorepo", true);
        assertThat(answered.answers()).doesNotContainKeys("monorepo_name", "in_monorepo", "project_name");

        ProjectGenerator.Request request = plan.request(layered(), answered, false, true, "test");
        assertThat(request.target()).isEqualTo(services.resolve("auth"));
        assertThat(request.context()).isEqualTo(answered.context());

        assertThatThrownBy(() -> ProjectPlan.choose(new ProjectPlan.Options("Bad Name!", dir, null, null, null,
                new LinkedHashMap<>(), null, false, false), catalog(), NEVER)).isInstanceOf(InvalidInputException.class);
    }
}
