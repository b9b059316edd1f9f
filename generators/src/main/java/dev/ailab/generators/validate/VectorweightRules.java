package dev.ailab.generators.validate;

import dev.ailab.core.config.ConfigRule;
import dev.ailab.core.config.rules.ConfigRules;
import java.util.List;

/**
 * Every rule of a vectorweight config, in the order they report: the rules of every config file
 * ({@link ConfigRules}, so {@code ai-lab config validate} gives the same verdict), with
 * project_name and at least one cluster required, since a deployment is generated from it.
 */
public final class VectorweightRules {
    private VectorweightRules() {
    }

    public static List<ConfigRule> all() {
        return ConfigRules.forDeployment();
    }
}
