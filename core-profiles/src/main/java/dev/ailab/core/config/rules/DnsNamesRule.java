package dev.ailab.core.config.rules;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.ToolkitConfig;
import java.util.List;
import java.util.Locale;

/**
 * Names become Kubernetes object names and Argo CD label values: the project and cluster names
 * must be DNS labels (a cluster name at most 40 characters, so that {@code <cluster>-gpu-operator}
 * still fits the 63 of a label), and domains must be DNS names.
 */
public final class DnsNamesRule implements ConfigRule {
    /** Longest cluster name: 63 minus the longest component suffix ("-gpu-operator", 13) and some room. */
    public static final int MAX_CLUSTER_NAME = 40;
    /** Longest project name: {@code <project>-deployment} and {@code <project>-root} must stay a label. */
    public static final int MAX_PROJECT_NAME = 52;

    @Override
    public void check(ToolkitConfig config, SourceLocator at, List<ConfigProblem> problems) {
        if (config.projectName != null && !config.projectName.isBlank()) {
            String p = Dns.labelProblem(config.projectName, MAX_PROJECT_NAME);
            if (p != null) {
                problems.add(at.problem("/project_name", "project_name '" + config.projectName + "' " + p,
                        "it names the AppProject and the output folder; try '"
                                + Dns.suggest(config.projectName, MAX_PROJECT_NAME) + "'"));
            }
        }
        if (config.clusters == null) {
            return;
        }
        for (int i = 0; i < config.clusters.size(); i++) {
            ClusterConfig c = config.clusters.get(i);
            if (c == null) {
                continue;
            }
            if (c.name != null && !c.name.isBlank()) {
                String p = Dns.labelProblem(c.name, MAX_CLUSTER_NAME);
                if (p != null) {
                    problems.add(at.problem("/clusters/" + i + "/name", "cluster name '" + c.name + "' " + p,
                            "cluster names become Kubernetes and Argo CD names"
                                    + (c.name.length() > MAX_CLUSTER_NAME ? " (with suffixes such as -gpu-operator)" : "")
                                    + "; try '" + Dns.suggest(c.name, MAX_CLUSTER_NAME) + "'"));
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
