package dev.ailab.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.io.XdgDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path home;

    Path project;
    Path userFile;
    Path projectFile;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(home.resolve("work/project"));
        userFile = home.resolve(".config/ai-lab/config.yaml");
        projectFile = project.resolve(".ai-lab/config.yaml");
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    }

    private ConfigLoader loader() {
        return new ConfigLoader(XdgDirs.from(env), project, env);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void withoutAnyLayerEveryValueIsADefault() {
        LoadedConfig loaded = loader().load(null, Map.of());
        assertThat(loaded.files()).isEmpty();
        assertThat(loaded.config().store.url).isEqualTo("jdbc:sqlite:" + home.resolve(".local/share/ai-lab/ai-lab.db"));
        assertThat(loaded.config().deployment.agents).containsExactly("claude", "grok", "gemini");
        assertThat(loaded.origins()).containsEntry("store.url", "default").containsEntry("deployment.agents", "default")
                .containsEntry("github.api_url", "default");
    }

    @Test
    void theListOfDefaultedKeysMatchesWhatDefaultsSets() {
        ToolkitConfig empty = new ToolkitConfig();
        Defaults.apply(empty, XdgDirs.from(env));
        java.util.Set<String> set = new java.util.TreeSet<>();
        collectLeaves(ConfigMapper.json().valueToTree(empty), "", set);
        assertThat(set).containsExactlyInAnyOrderElementsOf(ConfigLoader.DEFAULTED_KEYS);
    }

    private static void collectLeaves(com.fasterxml.jackson.databind.JsonNode node, String prefix, java.util.Set<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> collectLeaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out));
        } else if (!(node.isArray() && node.isEmpty())) {
            out.add(prefix);
        }
    }

    @Test
    void layersApplyInOrderAndLaterWins() throws IOException {
        write(userFile, "github:\n  owner: user-owner\n  token_env: USER_TOKEN\nstore:\n  user: alice\nlibrary:\n  branch: user-branch\ndeployment:\n  pod: user-pod\n");
        write(projectFile, "github:\n  owner: project-owner\nlibrary:\n  branch: project-branch\ndeployment:\n  pod: project-pod\n");
        Path explicit = write(home.resolve("explicit.yaml"), "library:\n  branch: explicit-branch\ndeployment:\n  pod: explicit-pod\n");
        env.put("AI_LAB_DEPLOY_DIR", "/srv/ai");
        env.put("AI_CONFIG_REPOSITORY", "https://example.com/env-lib.git");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("library.repository", "https://example.com/option-lib.git");
        options.put("deployment.pod", "option-pod");

        LoadedConfig loaded = loader().load(explicit, options);
        ToolkitConfig c = loaded.config();

        assertThat(loaded.files()).containsExactly(userFile, projectFile, explicit);
        assertThat(c.store.user).isEqualTo("alice");                  // only the user layer set it
        assertThat(c.github.tokenEnv).isEqualTo("USER_TOKEN");       // user layer, not replaced
        assertThat(c.github.owner).isEqualTo("project-owner");       // project beats user
        assertThat(c.library.branch).isEqualTo("explicit-branch");   // --config beats project
        assertThat(c.deployment.baseDir).isEqualTo("/srv/ai");       // environment beats defaults
        assertThat(c.deployment.secretsDir).isEqualTo("/srv/ai/secrets"); // default derived from it
        assertThat(c.library.repository).isEqualTo("https://example.com/option-lib.git"); // option beats env
        assertThat(c.deployment.pod).isEqualTo("option-pod");        // option beats every file

        Map<String, String> o = loaded.origins();
        assertThat(o.get("store.user")).isEqualTo(userFile + ":5:9");
        assertThat(o.get("github.owner")).isEqualTo(projectFile + ":2:10");
        assertThat(o.get("library.branch")).isEqualTo(explicit + ":2:11");
        assertThat(o.get("deployment.base_dir")).isEqualTo("env AI_LAB_DEPLOY_DIR");
        assertThat(o.get("library.repository")).isEqualTo(ConfigLoader.OPTION_ORIGIN);
        assertThat(o.get("deployment.secrets_dir")).isEqualTo(ConfigLoader.DEFAULT_ORIGIN);
    }

    @Test
    void environmentBeatsTheExplicitFile() throws IOException {
        Path explicit = write(home.resolve("explicit.yaml"), "store:\n  url: jdbc:sqlite:/from/file.db\n");
        env.put("AI_LAB_DB_URL", "jdbc:postgresql://db/ailab");
        LoadedConfig loaded = loader().load(explicit, Map.of());
        assertThat(loaded.config().store.url).isEqualTo("jdbc:postgresql://db/ailab");
        assertThat(loaded.origins()).containsEntry("store.url", "env AI_LAB_DB_URL");
    }

    @Test
    void listsReplaceAndNullRestoresTheDefault() throws IOException {
        write(userFile, "deployment:\n  agents: [claude, grok]\n  pod: mine\nclusters:\n  - name: a\n  - name: b\n");
        write(projectFile, "deployment:\n  agents: [gemini]\n  pod: null\nclusters:\n  - name: c\n");
        LoadedConfig loaded = loader().load(null, Map.of());
        assertThat(loaded.config().deployment.agents).containsExactly("gemini");
        assertThat(loaded.config().deployment.pod).isEqualTo("ai-agents");
        assertThat(loaded.config().clusters).extracting(cl -> cl.name).containsExactly("c");
        assertThat(loaded.origins()).containsEntry("deployment.pod", "default")
                .containsEntry("clusters[0].name", projectFile + ":5:11")
                .doesNotContainKey("clusters[1].name");
    }

    @Test
    void problemsOfEveryLayerAreReportedTogether() throws IOException {
        write(userFile, "environment: prod\n");
        write(projectFile, "clustres: []\n");
        assertThatThrownBy(() -> loader().load(null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::format)
                        .containsExactly(
                                userFile + ":1:14: environment must be one of development, staging, production, found 'prod'\n"
                                        + "  hint: did you mean 'production'? allowed values: development, staging, production",
                                projectFile + ":1:1: unknown key 'clustres'\n  hint: did you mean 'clusters'?"));
    }

    @Test
    void explicitFileThatDoesNotExistIsAProblem() {
        Path missing = home.resolve("nope.yaml");
        assertThatThrownBy(() -> loader().load(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": config file not found\n  hint: check the path given to --config");
        // The rules do not run on the defaults alone: "required" findings would only mislead.
        ConfigRule alwaysFinds = (config, at, problems) -> problems.add(new ConfigProblem(null, 0, 0, "a rule's finding", "none"));
        assertThatThrownBy(() -> loader().load(missing, Map.of(), List.of(alwaysFinds)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": config file not found\n  hint: check the path given to --config");
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        env.put("GITHUB_API_URL", "api.github.com");
        assertThatThrownBy(() -> loader().load(null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable GITHUB_API_URL: github.api_url must be an http(s) URL, found 'api.github.com'\n"
                        + "  hint: write an http(s) URL such as https://api.github.com or https://github.example.com/api/v3");
    }

    @Test
    void optionValuesAreTypedByTheSchema() {
        LoadedConfig loaded = loader().load(null, Map.of("enable_gpu_operator", "true", "deployment.agents", "a, b"));
        assertThat(loaded.config().enableGpuOperator).isTrue();
        assertThat(loaded.config().deployment.agents).containsExactly("a", "b");
        assertThatThrownBy(() -> loader().load(null, Map.of("enable_gpu_operator", "maybe")))
                .hasMessageStartingWith("command-line value for enable_gpu_operator: enable_gpu_operator must be a boolean");
        assertThatThrownBy(() -> loader().load(null, Map.of("store.ulr", "x")))
                .hasMessage("unknown config key 'store.ulr' given on the command line\n  hint: did you mean 'store.url'?");
    }

    @Test
    void anchorsAndMergeKeysWork() throws IOException {
        Path file = write(home.resolve("anchors.yaml"), "clusters:\n  - &base\n    name: one\n    size: small\n"
                + "    gpu_enabled: true\n  - <<: *base\n    name: two\n");
        ToolkitConfig c = loader().validateFile(file);
        assertThat(c.clusters).extracting(cl -> cl.name).containsExactly("one", "two");
        assertThat(c.clusters.get(1).size).isEqualTo(ClusterSize.SMALL);
        assertThat(c.clusters.get(1).gpuEnabled).isTrue();
    }

    @Test
    void nullSectionInASingleFileLeavesTheModelUsable() throws IOException {
        Path file = write(home.resolve("nulls.yaml"), "clusters:\nstore: ~\nproject_name: demo\n");
        ToolkitConfig c = loader().validateFile(file);
        assertThat(c.clusters).isEmpty();
        assertThat(c.store).isNotNull();
        assertThat(c.projectName).isEqualTo("demo");
    }

    @Test
    void commentOnlyFileIsAcceptedAsNoSettings() throws IOException {
        Path file = write(home.resolve("comments.yaml"), "# everything commented out\n# project_name: demo\n");
        assertThat(loader().validateFile(file).projectName).isNull();
    }

    @Test
    void validFileBindsEverySection() throws IOException {
        Path file = write(home.resolve("full.yaml"), """
                project_name: vectorweight-ai
                environment: production
                clusters:
                  - name: ai-cluster
                    domain: ai.vectorweight.com
                    size: large
                    gpu_enabled: true
                    vector_store: weaviate
                    cerbos_enabled: true
                    resources: {cpu_cores: 24, gpu_count: 2, storage_class: fast-ssd}
                enable_gpu_operator: true
                auto_create_repositories: false
                sources: {mode: airgapped_git, git_mirror: "https://git.internal/mirror"}
                library: {repository: "git@github.com:me/lib.git", branch: main, token_env: LIB_TOKEN}
                deployment: {base_dir: /ai, agents: [claude], image: "ghcr.io/me/agent:1"}
                github: {owner: vectorweight, api_url: "https://api.github.com", token_env: GITHUB_TOKEN, private: false,
                         topics: [gitops]}
                store: {url: "jdbc:postgresql://db:5432/ailab", user: ailab, password_env: AI_LAB_DB_PASSWORD}
                """);
        ToolkitConfig c = loader().validateFile(file);
        assertThat(c.github.privateRepository).as("github.private, a Java keyword, binds by its JSON name").isFalse();
        assertThat(c.github.topics).containsExactly("gitops");
        assertThat(c.environment).isEqualTo(Environment.PRODUCTION);
        assertThat(c.clusters.get(0).vectorStore).isEqualTo(VectorStore.WEAVIATE);
        assertThat(c.clusters.get(0).resources.cpuCores).isEqualTo(24);
        assertThat(c.sources.mode).isEqualTo(SourcesConfig.Mode.AIRGAPPED_GIT);
        assertThat(c.store.passwordEnv).isEqualTo("AI_LAB_DB_PASSWORD");
        assertThat(c.deployment.baseDir).isEqualTo("/ai");
        assertThat(c.deployment.secretsDir).as("validateFile applies no defaults").isNull();
    }

    @Test
    void rulesRunWithARealLocator() throws IOException {
        Path file = write(home.resolve("rules.yaml"), "enable_gpu_operator: false\nclusters:\n  - name: a\n"
                + "    domain: a.example.com\n  - name: b\n    gpu_enabled: true\n");
        ConfigRule gpuNeedsOperator = (config, at, problems) -> {
            for (int i = 0; i < config.clusters.size(); i++) {
                if (Boolean.TRUE.equals(config.clusters.get(i).gpuEnabled) && !Boolean.TRUE.equals(config.enableGpuOperator)) {
                    problems.add(at.problem("/clusters/" + i + "/gpu_enabled", "gpu_enabled needs the GPU operator",
                            "set enable_gpu_operator: true"));
                }
            }
            // A missing value locates its nearest parent: cluster b has no domain.
            problems.add(at.problem("/clusters/1/domain", "cluster b has no domain", null));
        };
        assertThatThrownBy(() -> loader().validateFile(file, List.of(gpuNeedsOperator)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::format)
                        .containsExactly(file + ":5:5: cluster b has no domain",
                                file + ":6:18: gpu_enabled needs the GPU operator\n  hint: set enable_gpu_operator: true"));
        assertThat(loader().problems(file, List.of())).isEmpty();
    }

    @Test
    void findingsThatShareAPositionAreAllKept() throws IOException {
        // A cluster with neither name nor domain: the schema misses 'name' and a rule misses the
        // domain, both at the cluster's line and column; only the rule's own "no name" repeats
        // the schema and is left out.
        Path file = write(home.resolve("both.yaml"), "project_name: lab\nclusters:\n  - size: small\n");
        List<ConfigProblem> problems = loader().problems(file, dev.ailab.core.config.rules.ConfigRules.forDeployment());
        assertThat(problems).extracting(ConfigProblem::message)
                .anyMatch(m -> m.contains("missing the required key 'name'"))
                .anyMatch(m -> m.contains("has no domain"))
                .noneMatch(m -> m.contains("has no name"));
        assertThat(problems).allMatch(p -> p.line() == 3 && p.column() == 5);
    }

    @Test
    void rulesOnTheLayeredConfigNameTheLayerThatSetTheValue() throws IOException {
        write(userFile, "enable_gpu_operator: false\n");
        write(projectFile, "clusters:\n  - name: a\n    gpu_enabled: true\n");
        env.put("AI_LAB_DEPLOY_DIR", "/srv/other");
        ConfigRule rule = (config, at, problems) -> {
            problems.add(at.problem("/clusters/0/gpu_enabled", "gpu needs the operator", "enable it"));
            problems.add(at.problem("/enable_gpu_operator", "operator is off", null));
            problems.add(at.problem("/deployment/base_dir", "must be absolute", null));
            problems.add(at.problem("/deployment/pod", "pod rule", null));
        };
        assertThatThrownBy(() -> loader().load(null, Map.of(), List.of(rule)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::format)
                        .containsExactly(projectFile + ":3:18: gpu needs the operator\n  hint: enable it",
                                userFile + ":1:22: operator is off",
                                "environment variable AI_LAB_DEPLOY_DIR: must be absolute",
                                "built-in default: pod rule"));
    }

    @Test
    void aRelativeDeploymentFolderIsRefusedWhereItWasWritten() throws IOException {
        write(userFile, "deployment:\n  pod: p\n  base_dir: ai-host\n  backup_dir: ~/backups\n");
        assertThatThrownBy(() -> loader().load(null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::format)
                        .containsExactly(userFile + ":3:13: deployment.base_dir must be an absolute path, found 'ai-host'\n"
                                + "  hint: write an absolute folder such as /ai or ~/ai: a relative one would mean a different"
                                + " folder in every folder a command runs in"));
        write(userFile, "deployment:\n  base_dir: ~/ai\n");
        env.put("AI_LAB_DEPLOY_DIR", "./here");
        assertThatThrownBy(() -> loader().load(null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::message)
                        .containsExactly("environment variable AI_LAB_DEPLOY_DIR: deployment.base_dir must be an absolute path, found './here'"));
        env.remove("AI_LAB_DEPLOY_DIR");
        assertThat(loader().load(null, Map.of()).config().deployment.baseDir).isEqualTo("~/ai");
    }

    @Test
    void rulesRunAfterSchemaProblemsSoOneRunReportsEverything() throws IOException {
        Path file = write(home.resolve("bad.yaml"), "clusters:\n  - name: a\n    size: 3\n");
        ConfigRule unlocated = (config, at, problems) -> problems.add(at.problem("/nowhere", "rule ran", null));
        assertThat(loader().problems(file, List.of(unlocated))).extracting(ConfigProblem::message)
                .contains("clusters[0].size must be a string, found an integer '3'", "rule ran");
    }

    @Test
    void aRuleFindingWhereTheSchemaAlreadyReportedIsDropped() throws IOException {
        Path file = write(home.resolve("bad.yaml"), "clusters:\n  - name: a\n    size: 3\n");
        ConfigRule sameSpot = (config, at, problems) -> problems.add(at.problem("/clusters/0/size", "size again", null));
        ConfigRule throwing = (config, at, problems) -> {
            throw new IllegalStateException("tripped over a rejected value");
        };
        assertThat(loader().problems(file, List.of(sameSpot, throwing))).extracting(ConfigProblem::message)
                .containsExactly("clusters[0].size must be a string, found an integer '3'");
    }

    @Test
    void yaml11BooleansAreStringsButTrueIsBoolean() throws IOException {
        Path file = write(home.resolve("bools.yaml"), "enable_gpu_operator: True\ngithub:\n  owner: no\n");
        ToolkitConfig c = loader().validateFile(file);
        assertThat(c.enableGpuOperator).isTrue();
        assertThat(c.github.owner).isEqualTo("no"); // the Norway problem does not happen
    }
}
