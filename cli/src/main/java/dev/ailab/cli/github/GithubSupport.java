package dev.ailab.cli.github;

import dev.ailab.cli.hub.HubCommand;
import dev.ailab.core.config.GithubConfig;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.hub.ProjectRow;
import dev.ailab.hub.Projects;
import dev.ailab.integrations.github.GithubClient;
import dev.ailab.integrations.github.GithubSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the github commands share: settings from the layered config and the run's environment, project to repository. */
abstract class GithubSupport extends HubCommand {
    private static final Pattern GITHUB_URL =
            Pattern.compile("^(?:https?://|ssh://git@|git@)[^/:]+[/:]([A-Za-z0-9-]{1,39})/([A-Za-z0-9._-]+?)(?:\\.git)?/?$");

    GithubConfig githubConfig() {
        return config.load().config().github;
    }

    GithubSettings settings() {
        return GithubSettings.of(githubConfig(), context().env());
    }

    GithubClient client(long maxWaitSeconds) {
        return GithubClient.connect(settings(), Duration.ofSeconds(maxWaitSeconds), line -> {
            err().println(line);
            err().flush();
        });
    }

    /** Project name to owner/name, for the projects that sync: a GitHub origin, or github.repository. */
    Map<String, String> repositories(String onlyProject) {
        Map<String, String> out = new LinkedHashMap<>();
        String configured = githubConfig().repository;
        for (ProjectRow p : new Projects(store()).list(false)) {
            if (onlyProject != null && !p.name().equals(onlyProject)) {
                continue;
            }
            String repo = repositoryOf(p.repositoryUrl());
            if (repo == null && onlyProject != null) {
                repo = configured;
            }
            if (repo != null) {
                out.put(p.name(), repo);
            }
        }
        if (onlyProject != null && out.isEmpty()) {
            throw new InvalidInputException("project '" + onlyProject + "' has no GitHub repository",
                    "register a project whose origin is on GitHub, or set github.repository: OWNER/NAME in its config");
        }
        return out;
    }

    static String repositoryOf(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = GITHUB_URL.matcher(url.strip());
        return m.matches() ? m.group(1) + "/" + m.group(2) : null;
    }
}
