package dev.ailab.generators.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ClusterSize;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.config.VectorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorweightRulesTest {
    /** Stand-in for the real locator: positions from a table, unknown pointers at 0:0. */
    static final class TableLocator implements SourceLocator {
        final Map<String, int[]> at = new HashMap<>();

        TableLocator put(String pointer, int line, int column) {
            at.put(pointer, new int[] {line, column});
            return this;
        }

        @Override
        public Path file() {
            return Path.of("vw.yaml");
        }

        @Override
        public int[] lineColumn(String pointer) {
            return at.getOrDefault(pointer, new int[] {0, 0});
        }
    }

    private static ClusterConfig cluster(String name, String domain) {
        ClusterConfig c = new ClusterConfig();
        c.name = name;
        c.domain = domain;
        c.size = ClusterSize.SMALL;
        return c;
    }

    private static ToolkitConfig config(ClusterConfig... clusters) {
        ToolkitConfig c = new ToolkitConfig();
        c.projectName = "lab";
        c.clusters = new ArrayList<>(List.of(clusters));
        return c;
    }

    private static List<ConfigProblem> check(ToolkitConfig config, SourceLocator at) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigRule rule : VectorweightRules.all()) {
            rule.check(config, at, problems);
        }
        return problems;
    }

    private static List<ConfigProblem> check(ToolkitConfig config) {
        return check(config, new TableLocator());
    }

    @Test
    void validConfigHasNoProblems() {
        assertThat(check(config(cluster("ai", "ai.example.com"), cluster("b-2", "b.example.com")))).isEmpty();
    }

    @Test
    void problemsCarryFileLineColumnAndHint() {
        TableLocator at = new TableLocator().put("/clusters/0/domain", 5, 13);
        List<ConfigProblem> problems = check(config(cluster("ai", "not a domain")), at);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).format()).startsWith("vw.yaml:5:13: domain 'not a domain'").contains("hint: ");
    }

    @Test
    void anUnknownGitopsEngineIsReportedWithItsPlaceAndTheChoices(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dev.ailab.generators.vectorweight.Fixtures.write(dir, "vw.yaml", """
                project_name: lab
                clusters:
                  - name: one
                    domain: one.example.com
                gitops:
                  engine: fluxcd
                """);
        dev.ailab.core.config.ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> new dev.ailab.generators.vectorweight.Vectorweight(dev.ailab.generators.vectorweight.Fixtures.loader(dir)).validate(file),
                dev.ailab.core.config.ConfigException.class);
        assertThat(e).isNotNull();
        String text = e.problems().get(0).format();
        assertThat(text).startsWith(file + ":6:11: ").contains("fluxcd").contains("argocd").contains("flux").contains("hint: ");
    }

    @Test
    void requiredFields() {
        ToolkitConfig c = config(cluster(null, null));
        c.projectName = null;
        assertThat(check(c)).extracting(ConfigProblem::message)
                .containsExactly("project_name is required", "cluster 1 has no name", "cluster 1 has no domain");
        assertThat(check(config())).extracting(ConfigProblem::message).containsExactly("at least one cluster is required");
    }

    @Test
    void namesMustBeDnsLabels() {
        ToolkitConfig c = config(cluster("AI_Cluster", "ai.example.com"), cluster("x".repeat(41), "x.example.com"),
                cluster("-bad", "bad.example.com"));
        c.projectName = "My Project";
        List<String> messages = check(c).stream().map(ConfigProblem::message).toList();
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0)).startsWith("project_name 'My Project'");
        assertThat(messages.get(2)).contains("41 characters long; at most 40");
        assertThat(check(c).get(1).hint()).contains("'ai_cluster'".replace('_', '-'));
    }

    @Test
    void domainsMustBeDnsNames() {
        for (String bad : List.of("localhost", "a..example.com", "-a.example.com", "ai.example.com.", "10.0.0.1",
                "under_score.example.com", "x".repeat(64) + ".example.com")) {
            assertThat(check(config(cluster("ai", bad)))).as(bad).hasSize(1);
        }
        ConfigProblem upper = check(config(cluster("ai", "AI.Example.com"))).get(0);
        assertThat(upper.hint()).contains("'ai.example.com'");
        assertThat(check(config(cluster("ai", "a.b.c.example.co.uk")))).isEmpty();
    }

    @Test
    void duplicateNamesAndDomainsNameTheFirstUse() {
        TableLocator at = new TableLocator().put("/clusters/0/name", 4, 11).put("/clusters/2/name", 12, 11);
        List<ConfigProblem> problems = check(config(cluster("ai", "ai.example.com"), cluster("b", "AI.example.com"),
                cluster("ai", "c.example.com")), at);
        assertThat(problems).extracting(ConfigProblem::message).contains("duplicate domain 'AI.example.com'", "duplicate cluster name 'ai'");
        ConfigProblem name = problems.stream().filter(p -> p.message().startsWith("duplicate cluster")).findFirst().orElseThrow();
        assertThat(name.line()).isEqualTo(12);
        assertThat(name.hint()).contains("cluster 1 at line 4");
    }

    @Test
    void gpuNeedsTheOperatorAndGpuCountNeedsGpu() {
        ClusterConfig gpu = cluster("ai", "ai.example.com");
        gpu.gpuEnabled = true;
        ToolkitConfig c = config(gpu);
        assertThat(check(c)).extracting(ConfigProblem::message).containsExactly(
                "cluster ai has gpu_enabled: true but enable_gpu_operator is not true");
        c.enableGpuOperator = true;
        assertThat(check(c)).isEmpty();
        ClusterConfig noGpu = cluster("b", "b.example.com");
        noGpu.resources = new ClusterConfig.ResourceOverrides();
        noGpu.resources.gpuCount = 2;
        assertThat(check(config(noGpu))).extracting(ConfigProblem::message)
                .containsExactly("cluster b asks for 2 GPU(s) but gpu_enabled is not true");
    }

    @Test
    void vectorStoreDoesNotFitMinimal() {
        ClusterConfig c = cluster("ai", "ai.example.com");
        c.size = ClusterSize.MINIMAL;
        c.vectorStore = VectorStore.CHROMA;
        assertThat(check(config(c))).singleElement().extracting(ConfigProblem::hint).asString().contains("size: small");
        c.vectorStore = VectorStore.NONE;
        assertThat(check(config(c))).isEmpty();
    }

    @Test
    void overridesMustBeSane() {
        ClusterConfig c = cluster("ai", "ai.example.com");
        c.resources = new ClusterConfig.ResourceOverrides();
        c.resources.cpuCores = 0;
        c.resources.memoryGib = -1;
        c.resources.storageGib = 2_000_000;
        c.resources.storageClass = "Fast SSD";
        assertThat(check(config(c))).extracting(ConfigProblem::message).containsExactly(
                "cpu_cores is 0; it must be between 1 and 1024",
                "memory_gib is -1; it must be between 1 and 65536",
                "storage_gib is 2000000; it must be between 1 and 1000000",
                "storage_class 'Fast SSD' must be lowercase letters, digits and '-', starting and ending with a letter or digit");
        ClusterConfig lopsided = cluster("b", "b.example.com");
        lopsided.resources = new ClusterConfig.ResourceOverrides();
        lopsided.resources.cpuCores = 64;
        lopsided.resources.memoryGib = 8;
        assertThat(check(config(lopsided))).singleElement().extracting(ConfigProblem::message).asString()
                .contains("8 GiB for 64 cores");
        ClusterConfig dotted = cluster("d", "d.example.com");
        dotted.resources = new ClusterConfig.ResourceOverrides();
        dotted.resources.storageClass = "ebs.csi.aws.com";
        assertThat(check(config(dotted))).isEmpty();
    }

    @Test
    void allProblemsAreReportedTogether() {
        ClusterConfig a = cluster("A", "bad");
        a.gpuEnabled = true;
        a.size = ClusterSize.MINIMAL;
        a.vectorStore = VectorStore.WEAVIATE;
        assertThat(check(config(a, cluster("A", "bad")))).hasSizeGreaterThanOrEqualTo(6);
    }
}
