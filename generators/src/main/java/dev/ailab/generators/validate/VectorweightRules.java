package dev.ailab.generators.validate;

import dev.ailab.core.config.ConfigRule;
import java.util.List;

/** Every cross-field and domain rule of a vectorweight config, in the order they report. */
public final class VectorweightRules {
    private VectorweightRules() {
    }

    public static List<ConfigRule> all() {
        return List.of(new RequiredFieldsRule(), new DnsNamesRule(), new DuplicateClustersRule(),
                new GpuRule(), new VectorStoreSizeRule(), new ResourceOverridesRule());
    }
}
