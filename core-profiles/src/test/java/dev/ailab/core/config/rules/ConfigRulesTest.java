package dev.ailab.core.config.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.StoreConfig;
import dev.ailab.core.config.ToolkitConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of every config file, and what a deployment adds to them. */
class ConfigRulesTest {
    private static final SourceLocator NOWHERE = new SourceLocator() {
        @Override
        public Path file() {
            return Path.of("c.yaml");
        }

        @Override
        public int[] lineColumn(String pointer) {
            return new int[] {0, 0};
        }
    };

    private static List<String> messages(List<ConfigRule> rules, ToolkitConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        rules.forEach(r -> r.check(config, NOWHERE, problems));
        return problems.stream().map(ConfigProblem::message).toList();
    }

    private static ClusterConfig cluster(String name, String domain) {
        ClusterConfig c = new ClusterConfig();
        c.name = name;
        c.domain = domain;
        return c;
    }

    @Test
    void aLayerWithoutClustersIsCompleteButNotADeployment() {
        ToolkitConfig storeOnly = new ToolkitConfig();
        storeOnly.store = new StoreConfig();
        assertThat(messages(ConfigRules.all(), storeOnly)).isEmpty();
        assertThat(messages(ConfigRules.forDeployment(), storeOnly))
                .containsExactly("project_name is required", "at least one cluster is required");
    }

    @Test
    void clustersAreCheckedTheSameWayByBoth() {
        ToolkitConfig twins = new ToolkitConfig();
        twins.clusters = new ArrayList<>(List.of(cluster("edge", "a.example.com"), cluster("Edge", "b.example.com"),
                cluster("c", null)));
        List<String> any = messages(ConfigRules.all(), twins);
        assertThat(any).contains("project_name is required", "duplicate cluster name 'Edge'", "cluster c has no domain");
        assertThat(messages(ConfigRules.forDeployment(), twins)).isEqualTo(any);
    }
}
