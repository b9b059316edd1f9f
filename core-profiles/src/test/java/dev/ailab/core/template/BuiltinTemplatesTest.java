package dev.ailab.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.io.Sha256;
import dev.ailab.core.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in template at every profile: renders, leaves no Mustache behind, keeps foreign braces. */
class BuiltinTemplatesTest {
    @TempDir
    Path dir;

    static Stream<Arguments> templatesAndProfiles() {
        List<Arguments> all = new ArrayList<>();
        for (String t : TemplateCatalog.builtinNames()) {
            for (Profile p : Profile.values()) {
                all.add(Arguments.of(t, p));
            }
        }
        return all.stream();
    }

    static ProjectGenerator.Result generate(Path target, String template, Profile profile, Map<String, Object> given) {
        TemplatePack pack = TemplateCatalog.builtin(template);
        MustacheRenderer renderer = new MustacheRenderer();
        Map<String, Object> builtins = Answers.builtins(target.getFileName().toString(), profile, pack);
        Map<String, Object> ctx = Answers.resolve(pack, builtins, given, Map.of(), null, renderer);
        Map<String, Object> answers = new HashMap<>(ctx);
        answers.keySet().removeAll(builtins.keySet());
        return new ProjectGenerator().generate(new ProjectGenerator.Request(target, profile, pack,
                Answers.withPaths(ctx, pack), answers, false, false, "test"));
    }

    @Test
    void fourTemplatesShip() {
        assertThat(TemplateCatalog.builtinNames()).containsExactly("python", "java", "agent-os", "monorepo");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("templatesAndProfiles")
    void rendersCompletely(String template, Profile profile) throws IOException {
        Path target = dir.resolve("demo-app");
        Map<String, Object> given = template.equals("monorepo") ? Map.of("services", "auth,billing") : Map.of();
        ProjectGenerator.Result result = generate(target, template, profile, given);
        assertThat(result.written()).isTrue();
        assertThat(result.files()).isNotEmpty().allMatch(f -> f.action() == ProjectGenerator.Action.CREATE);

        Set<String> foreign = foreignFiles(template, profile);
        for (ProjectGenerator.PlannedFile f : result.files()) {
            String text = Files.readString(target.resolve(f.path()), StandardCharsets.UTF_8);
            if (!foreign.contains(f.path())) {
                assertThat(text).as(f.path()).doesNotContain("{{").doesNotContain("}}");
            }
            assertThat(text).as(f.path()).doesNotContain("<%").doesNotContain("&amp;").doesNotContain("&#61;");
            assertThat(f.path()).doesNotContain("{{");
        }
        // basic: source, tests, README, .gitignore
        assertThat(target.resolve("README.md")).exists();
        assertThat(target.resolve(".gitignore")).exists();
        assertThat(Files.exists(target.resolve("Makefile"))).isEqualTo(profile.includes(Profile.STANDARD) || template.equals("monorepo"));
        assertThat(Files.exists(target.resolve(".github/workflows/ci.yml"))).isEqualTo(profile.includes(Profile.STANDARD));
        assertThat(Files.exists(target.resolve(".pre-commit-config.yaml"))).isEqualTo(profile.includes(Profile.STANDARD));
        assertThat(Files.exists(target.resolve(".github/workflows/release.yml"))).isEqualTo(profile.includes(Profile.ADVANCED));
        assertThat(Files.exists(target.resolve(".github/workflows/security.yml"))).isEqualTo(profile.includes(Profile.ADVANCED));
        assertThat(Files.exists(target.resolve(".github/dependabot.yml"))).isEqualTo(profile.includes(Profile.ADVANCED));
        assertThat(Files.exists(target.resolve(".devcontainer/devcontainer.json"))).isEqualTo(profile.includes(Profile.ADVANCED));
        // metadata
        assertThat(Files.readString(target.resolve(".ai-lab/profile.yaml")))
                .contains("profile: " + profile.id()).contains("template: " + template).contains("template_version: \"1.1.0\"");
        assertThat(target.resolve(".ai-lab/templates")).isDirectory();
        Map<String, String> sums = ProjectGenerator.readChecksums(target.resolve(".ai-lab/checksums.sha256"));
        assertThat(sums.keySet()).containsExactlyInAnyOrderElementsOf(result.files().stream().map(ProjectGenerator.PlannedFile::path).toList());
        for (Map.Entry<String, String> e : sums.entrySet()) {
            assertThat(Sha256.of(Files.readAllBytes(target.resolve(e.getKey())))).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void higherTiersHoldEverythingOfLowerOnes() {
        for (String template : TemplateCatalog.builtinNames()) {
            Set<String> previous = Set.of();
            for (Profile p : Profile.values()) {
                Set<String> paths = new HashSet<>();
                generate(dir.resolve(template + "-" + p.id()).resolve("app"), template, p, Map.of()).files().forEach(f -> paths.add(f.path()));
                assertThat(paths).as(template + " " + p).containsAll(previous);
                assertThat(paths.size()).as(template + " " + p).isGreaterThan(previous.size());
                previous = paths;
            }
        }
    }

    @Test
    void helmAndActionsBracesComeOutIntact() throws IOException {
        Path target = dir.resolve("shop");
        generate(target, "python", Profile.ADVANCED, Map.of("python_version", "3.12"));
        assertThat(Files.readString(target.resolve("deploy/helm/shop/templates/deployment.yaml")))
                .contains("name: {{ .Release.Name }}-{{ .Chart.Name }}")
                .contains("\"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}\"");
        String ci = Files.readString(target.resolve(".github/workflows/ci.yml"));
        assertThat(ci).contains("python-version: ${{ matrix.python }}").contains("python: [\"3.12\"]").contains("# CI for shop:");
        assertThat(Files.readString(target.resolve(".github/workflows/release.yml")))
                .contains("echo \"${{ secrets.GITHUB_TOKEN }}\"");
    }

    @Test
    void monorepoLaysOutItsFoldersAndLoopsOverServices() throws IOException {
        Path target = dir.resolve("platform");
        generate(target, "monorepo", Profile.ADVANCED, Map.of("services", List.of("auth", "billing")));
        for (String d : List.of("services", "shared/configs", "shared/libs", "shared/protos", "infrastructure/kubernetes",
                "infrastructure/docker", "infrastructure/monitoring", "tests/integration", "docs", "scripts/build",
                "scripts/db/migrations")) {
            assertThat(target.resolve(d)).as(d).isDirectory();
        }
        String makefile = Files.readString(target.resolve("Makefile"));
        assertThat(makefile).contains("\nbuild:\n\t").contains("\ntest:\n\t").contains("\ndev:\n\t").contains("\ndeploy:\n\t");
        assertThat(Files.readString(target.resolve("compose.yaml"))).contains("  auth:\n").contains("  billing:\n")
                .doesNotContain("placeholder");
        assertThat(target.resolve("services/auth/Makefile")).exists();
        assertThat(target.resolve("infrastructure/kubernetes/billing.yaml")).exists();
        assertThat(Files.isExecutable(target.resolve("scripts/build/services.sh"))).isTrue();
    }

    @Test
    void agentOsRendersOneFolderPerAgent() throws IOException {
        Path target = dir.resolve("crew");
        generate(target, "agent-os", Profile.BASIC, Map.of("agents", "alpha,beta"));
        assertThat(Files.readString(target.resolve("agents/alpha/agent.json"))).contains("\"name\": \"alpha\"");
        assertThat(target.resolve("agents/beta/PROMPT.md")).exists();
        assertThat(target.resolve("agents/claude")).doesNotExist();
        assertThat(Files.readString(target.resolve("tests/test_registry.py"))).contains("EXPECTED = [\"alpha\", \"beta\", ]");
    }

    private static Set<String> foreignFiles(String template, Profile profile) {
        Set<String> paths = new HashSet<>();
        TemplatePack pack = TemplateCatalog.builtin(template);
        for (Profile tier : profile.tiers()) {
            for (TemplateManifest.FileRule r : pack.manifest().tiers.getOrDefault(tier.id(), List.of())) {
                if (Boolean.TRUE.equals(r.verbatim) || r.delimiters != null) {
                    paths.add(r.to == null ? r.path : r.to.replace("{{project_slug}}", "demo-app"));
                }
            }
        }
        return paths;
    }
}
