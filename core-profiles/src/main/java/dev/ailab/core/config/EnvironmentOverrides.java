package dev.ailab.core.config;

import java.util.Map;

/** Environment variables that override config keys (the layer between files and options). */
public final class EnvironmentOverrides {
    /** Variable name to dotted config key. */
    public static final Map<String, String> KEYS = Map.of(
            "AI_LAB_DB_URL", "store.url",
            "AI_LAB_DEPLOY_DIR", "deployment.base_dir",
            "AI_CONFIG_HOME", "library.path",
            "AI_CONFIG_REPOSITORY", "library.repository",
            "GITHUB_API_URL", "github.api_url");

    private EnvironmentOverrides() {
    }
}
