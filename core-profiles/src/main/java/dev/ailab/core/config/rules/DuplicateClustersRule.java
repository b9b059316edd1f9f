package dev.ailab.core.config.rules;

import dev.ailab.core.config.ClusterConfig;
import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.SourceLocator;
import dev.ailab.core.config.ToolkitConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Two clusters may share neither a name nor a domain (compared without case). */
public final class DuplicateClustersRule implements ConfigRule {
    @Override
    public void check(ToolkitConfig config, SourceLocator at, List<ConfigProblem> problems) {
        if (config.clusters == null) {
            return;
        }
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> domains = new HashMap<>();
        for (int i = 0; i < config.clusters.size(); i++) {
            ClusterConfig c = config.clusters.get(i);
            if (c == null) {
                continue;
            }
            if (c.name != null && !c.name.isBlank()) {
                Integer first = names.putIfAbsent(c.name.toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    int[] where = at.lineColumn("/clusters/" + first + "/name");
                    problems.add(at.problem("/clusters/" + i + "/name", "duplicate cluster name '" + c.name + "'",
                            "first used by cluster " + (first + 1) + (where[0] > 0 ? " at line " + where[0] : "")
                                    + "; every cluster needs its own name"));
                }
            }
            if (c.domain != null && !c.domain.isBlank()) {
                Integer first = domains.putIfAbsent(c.domain.toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    int[] where = at.lineColumn("/clusters/" + first + "/domain");
                    problems.add(at.problem("/clusters/" + i + "/domain", "duplicate domain '" + c.domain + "'",
                            "also the domain of cluster " + (first + 1) + (where[0] > 0 ? " at line " + where[0] : "")
                                    + "; give each cluster its own (sub)domain"));
                }
            }
        }
    }
}
