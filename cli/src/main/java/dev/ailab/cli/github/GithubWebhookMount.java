package dev.ailab.cli.github;

import dev.ailab.core.config.GithubConfig;
import dev.ailab.hub.ProjectRow;
import dev.ailab.hub.Projects;
import dev.ailab.hub.StoreFactory;
import dev.ailab.integrations.github.GithubClient;
import dev.ailab.integrations.github.GithubSettings;
import dev.ailab.integrations.github.IssueSync;
import dev.ailab.integrations.github.WebhookHandler;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The GitHub webhook of {@code github listen}, for another server to mount (the dashboard's
 * {@code /hooks/github}). It is there only while the variable named by
 * {@code github.webhook_secret_env} holds a secret and the store has a project whose origin is on
 * GitHub; otherwise the supplier gives null and the server answers 404. Both are looked at on
 * every delivery, so a project registered while the server runs counts at once.
 */
public final class GithubWebhookMount {
    /** How long a delivery's sync may wait for GitHub's rate limit before it gives up. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private GithubWebhookMount() {
    }

    /** {@code config} is read on the first delivery only (loading the layered config costs a quarter second). */
    public static Supplier<WebhookHandler> of(Supplier<GithubConfig> config, Map<String, String> env, StoreFactory store,
                                              Consumer<String> progress) {
        Supplier<GithubSettings> settings = new Supplier<>() {
            private GithubSettings loaded;

            @Override
            public synchronized GithubSettings get() {
                if (loaded == null) {
                    loaded = GithubSettings.of(config.get(), env);
                }
                return loaded;
            }
        };
        return () -> {
            GithubSettings s = settings.get();
            String secret = env.get(s.webhookSecretEnv());
            if (secret == null || secret.isEmpty() || (store.file() != null && !Files.isRegularFile(store.file()))) {
                return null;
            }
            Map<String, String> repos = synced(store);
            if (repos.isEmpty()) {
                return null;
            }
            return new WebhookHandler(s, store, repo -> repos.entrySet().stream()
                    .filter(e -> e.getValue().equalsIgnoreCase(repo)).map(Map.Entry::getKey).findFirst().orElse(null),
                    (project, repository) -> new IssueSync(GithubClient.connect(s, MAX_WAIT, progress), store, progress)
                            .sync(project, repository, new IssueSync.Options(false, false, false, false)));
        };
    }

    /** Project name to owner/name, for the projects whose origin is on GitHub (as {@code github listen} syncs them). */
    static Map<String, String> synced(StoreFactory store) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ProjectRow p : new Projects(store).list(false)) {
            String repo = GithubSupport.repositoryOf(p.repositoryUrl());
            if (repo != null) {
                out.put(p.name(), repo);
            }
        }
        return out;
    }
}
