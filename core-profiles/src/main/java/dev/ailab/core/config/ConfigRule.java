package dev.ailab.core.config;

import java.util.List;

/**
 * A check that needs more than types and enums: cross-field rules, duplicates, DNS names.
 * Runs after the file bound to the model without errors; adds every problem it finds.
 */
@FunctionalInterface
public interface ConfigRule {
    void check(ToolkitConfig config, SourceLocator at, List<ConfigProblem> problems);
}
