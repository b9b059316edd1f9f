package dev.ailab.generators.validate;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.ToolkitConfig;
import java.util.List;

/** project_name, at least one cluster, and a name and domain for each cluster. */
public final class RequiredFieldsRule implements ConfigRule {
    @Override
    public void check(ToolkitConfig config, SourceLocator at, List<ConfigProblem> problems) {
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
                problems.add(at.problem("/clusters/" + i, "cluster " + (i + 1) + " has no name", "add 'name: my-cluster'"));
            }
            if (c.domain == null || c.domain.isBlank()) {
                problems.add(at.problem("/clusters/" + i, "cluster " + (c.name == null ? i + 1 : c.name) + " has no domain",
                        "add 'domain: ai.example.com' (the DNS name its services are reached under)"));
            }
        }
    }
}
