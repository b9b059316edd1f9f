package dev.ailab.core.config.rules;

import dev.ailab.core.config.ConfigRule;
import java.util.List;

/**
 * The rules beyond the schema that hold for every config file: complete clusters, DNS names,
 * no duplicate clusters, GPU settings that agree, a vector store that fits its size preset,
 * sane resource overrides, source modes with their own fields. {@code ai-lab config validate}, {@code ai-config config validate} and
 * (with the one rule a deployment adds) {@code vectorweight validate} all run these.
 */
public final class ConfigRules {
    private ConfigRules() {
    }

    /** Every rule, in the order they report. */
    public static List<ConfigRule> all() {
        return withRequired(RequiredFieldsRule.forAnyConfig());
    }

    /**
     * The rules for a file that must describe a deployment: the same, except that project_name
     * and at least one cluster are required.
     */
    public static List<ConfigRule> forDeployment() {
        return withRequired(RequiredFieldsRule.forDeployment());
    }

    private static List<ConfigRule> withRequired(RequiredFieldsRule required) {
        return List.of(required, new DnsNamesRule(), new DuplicateClustersRule(),
                new GpuRule(), new VectorStoreSizeRule(), new ResourceOverridesRule(), new SourcesModeRule());
    }
}
