package dev.ailab.core.config.rules;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.ConfigSchema;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.ToolkitConfig;
import java.util.List;
import java.util.Locale;

/**
 * Names become Kubernetes object names and Argo CD label values: the project and cluster names
 * must be DNS labels, and domains must be DNS names. The length limits are the schema's
 * ({@code maxLength} of {@code project_name} and of a cluster's {@code name}), stated there once,
 * so this rule, the schema check and their hints can never disagree.
 */
public final class DnsNamesRule implements ConfigRule {
    /** Longest cluster name: 63 minus the longest component suffix ("-gpu-operator", 13) and some room. */
    public static int maxClusterName() {
        return ConfigSchema.schemaAt("/clusters/0/name").path("maxLength").asInt();
    }

    /** Longest project name: {@code <project>-deployment} and {@code <project>-root} must stay a label. */
    public static int maxProjectName() {
        return ConfigSchema.schemaAt("/project_name").path("maxLength").asInt();
    }

    @Override
    public void check(ToolkitConfig config, SourceLocator at, List<ConfigProblem> problems) {
        if (config.projectName != null && !config.projectName.isBlank()) {
            int maxProject = maxProjectName();
            String p = Dns.labelProblem(config.projectName, maxProject);
            if (p != null) {
                problems.add(at.problem("/project_name", "project_name '" + config.projectName + "' " + p,
                        "it names the AppProject and the output folder; try '"
                                + Dns.suggest(config.projectName, maxProject) + "'"));
            }
        }
        if (config.clusters == null) {
            return;
        }
        int maxCluster = maxClusterName();
        for (int i = 0; i < config.clusters.size(); i++) {
            ClusterConfig c = config.clusters.get(i);
            if (c == null) {
                continue;
            }
            if (c.name != null && !c.name.isBlank()) {
                String p = Dns.labelProblem(c.name, maxCluster);
                if (p != null) {
                    problems.add(at.problem("/clusters/" + i + "/name", "cluster name '" + c.name + "' " + p,
                            "cluster names become Kubernetes and Argo CD names"
                                    + (c.name.length() > maxCluster ? " (with suffixes such as -gpu-operator)" : "")
                                    + "; try '" + Dns.suggest(c.name, maxCluster) + "'"));
                }
            }
            if (c.domain != null && !c.domain.isBlank()) {
                String p = Dns.domainProblem(c.domain);
                if (p != null) {
                    String lower = c.domain.toLowerCase(Locale.ROOT);
                    problems.add(at.problem("/clusters/" + i + "/domain", "domain '" + c.domain + "' " + p,
                            !lower.equals(c.domain) && Dns.domainProblem(lower) == null
                                    ? "write it in lowercase: '" + lower + "'"
                                    : "use a DNS name you control, such as ai.example.com"));
                }
            }
        }
    }
}
