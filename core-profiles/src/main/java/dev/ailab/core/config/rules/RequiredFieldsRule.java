package dev.ailab.core.config.rules;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.ToolkitConfig;
import java.util.List;

/**
 * A name and a domain for each cluster, and a project_name once there are clusters (it names
 * their AppProject). A deployment, what vectorweight generates from, also needs at least one
 * cluster: {@link #forDeployment()}. A config layer without clusters (a user config holding the
 * store, say) is complete as it is: {@link #forAnyConfig()}.
 */
public final class RequiredFieldsRule implements ConfigRule {
    private final boolean deployment;

    private RequiredFieldsRule(boolean deployment) {
        this.deployment = deployment;
    }

    /** For any config file: clusters, when there are any, are complete. */
    public static RequiredFieldsRule forAnyConfig() {
        return new RequiredFieldsRule(false);
    }

    /** For a file that must describe a deployment: project_name and at least one cluster, too. */
    public static RequiredFieldsRule forDeployment() {
        return new RequiredFieldsRule(true);
    }

    @Override
    public void check(ToolkitConfig config, SourceLocator at, List<ConfigProblem> problems) {
        boolean clusters = config.clusters != null && !config.clusters.isEmpty();
        if (!deployment && !clusters) {
            return;
        }
        if (config.projectName == null || config.projectName.isBlank()) {
            problems.add(at.problem("/project_name", "project_name is required",
                    "add a line such as 'project_name: my-homelab' at the top of the file"));
        }
        if (config.clusters == null || config.clusters.isEmpty()) {
            problems.add(at.problem("/clusters", "at least one cluster is required",
                    "add 'clusters:' with an entry holding name and domain; 'vectorweight init' writes an example"));
            return;
        }
        for (int i = 0; i < config.clusters.size(); i++) {
            ClusterConfig c = config.clusters.get(i);
            if (c == null) {
                problems.add(at.problem("/clusters/" + i, "cluster " + (i + 1) + " is empty", "give it a name and a domain"));
                continue;
            }
            if (c.name == null || c.name.isBlank()) {
                problems.add(at.problem("/clusters/" + i + "/name", "cluster " + (i + 1) + " has no name", "add 'name: my-cluster'"));
            }
            if (c.domain == null || c.domain.isBlank()) {
                problems.add(at.problem("/clusters/" + i + "/domain", "cluster " + (c.name == null ? i + 1 : c.name) + " has no domain",
                        "add 'domain: ai.example.com' (the DNS name its services are reached under)"));
            }
        }
    }
}
