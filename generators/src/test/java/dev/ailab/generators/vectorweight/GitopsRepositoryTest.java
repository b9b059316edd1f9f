package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.config.GithubConfig;
import dev.ailab.core.config.ToolkitConfig;
import org.junit.jupiter.api.Test;

/** The clone URL comes from the config alone: github.com, GitHub Enterprise Server, or the placeholder. */
class GitopsRepositoryTest {
    static ToolkitConfig config(String owner, String apiUrl) {
        ToolkitConfig c = new ToolkitConfig();
        c.projectName = "lab";
        if (owner != null || apiUrl != null) {
            c.github = new GithubConfig();
            c.github.owner = owner;
            c.github.apiUrl = apiUrl;
        }
        return c;
    }

    @Test
    void urlsFollowTheApiUrl() {
        assertThat(GitopsRepository.of(config("acme", null)).url()).isEqualTo("https://github.com/acme/lab-deployment.git");
        assertThat(GitopsRepository.of(config("acme", "https://api.github.com/")).url())
                .isEqualTo("https://github.com/acme/lab-deployment.git");
        assertThat(GitopsRepository.of(config("acme", "https://ghe.example.com/api/v3")).url())
                .isEqualTo("https://ghe.example.com/acme/lab-deployment.git");
        GitopsRepository none = GitopsRepository.of(config(null, null));
        assertThat(none.placeholder()).isTrue();
        assertThat(none.url()).isEqualTo("https://github.com/CHANGE-ME/lab-deployment.git");
    }

    @Test
    void privateByDefaultWithADescription() {
        GitopsRepository r = GitopsRepository.of(config("acme", null));
        assertThat(r.privateRepository()).isTrue();
        assertThat(r.description()).contains("lab");
        assertThat(r.topics()).isEmpty();
        ToolkitConfig pub = config("acme", null);
        pub.github.privateRepository = false;
        assertThat(GitopsRepository.of(pub).privateRepository()).isFalse();
    }
}
