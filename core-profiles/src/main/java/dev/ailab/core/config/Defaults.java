package dev.ailab.core.config;

import dev.ailab.core.io.XdgDirs;
import java.util.List;

/** Built-in defaults, applied after every layer so that only unset values take them. */
public final class Defaults {
    private Defaults() {
    }

    public static void apply(ToolkitConfig c, XdgDirs xdg) {
        if (c.store.url == null) {
            c.store.url = "jdbc:sqlite:" + xdg.dataHome().resolve("ai-lab/ai-lab.db");
        }
        if (c.library.branch == null) {
            c.library.branch = "main";
        }
        if (c.library.path == null) {
            c.library.path = xdg.dataHome().resolve("ai-config").toString();
        }
        if (c.deployment.baseDir == null) {
            c.deployment.baseDir = "/ai";
        }
        if (c.deployment.pod == null) {
            c.deployment.pod = "ai-agents";
        }
        if (c.deployment.agents == null) {
            c.deployment.agents = List.of("claude", "grok", "gemini");
        }
        if (c.deployment.secretsDir == null) {
            c.deployment.secretsDir = c.deployment.baseDir + "/secrets";
        }
        if (c.deployment.backupDir == null) {
            c.deployment.backupDir = c.deployment.baseDir + "/backups";
        }
        if (c.github.apiUrl == null) {
            c.github.apiUrl = "https://api.github.com";
        }
        if (c.github.tokenEnv == null) {
            c.github.tokenEnv = "GITHUB_TOKEN";
        }
        if (c.sources.mode == null) {
            c.sources.mode = SourcesConfig.Mode.INTERNET;
        }
    }
}
