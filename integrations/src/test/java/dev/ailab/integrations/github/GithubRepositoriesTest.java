package dev.ailab.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ailab.core.config.GithubConfig;
import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.sources.git.FolderPublisher;
import dev.ailab.sources.git.GitProgress;
import dev.ailab.sources.git.GitSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository half against the stand-in, through the real github-api client and a real git push. */
class GithubRepositoriesTest {
    static final String TOKEN = "gh-canary-7f3a9";

    @TempDir
    Path dir;
    StandInGithub gh;

    @BeforeEach
    void setUp() throws Exception {
        gh = new StandInGithub("acme", "shop").gitRoot(Files.createDirectories(dir.resolve("github")))
                .token(TOKEN, "repo, read:org").token("public-only", "public_repo").token("norepo", "read:org")
                .organization("acme");
    }

    @AfterEach
    void tearDown() {
        gh.close();
    }

    GithubClient client(String token) {
        GithubConfig c = new GithubConfig();
        c.apiUrl = gh.enterpriseApiUrl();
        return GithubClient.connect(GithubSettings.of(c, Map.of("GITHUB_TOKEN", token)), Duration.ofSeconds(5), s -> { });
    }

    GithubRepositories.Target target(String owner, boolean priv) {
        return new GithubRepositories.Target(owner, "lab-deployment", priv, "GitOps for lab", List.of("gitops", "homelab"));
    }

    @Test
    void createsUnderTheTokensUserPrivateWithDescriptionAndTopicsThenReusesIt() {
        var repos = new GithubRepositories(client(TOKEN));
        assertThat(repos.ensure(target("octo", true), true).action()).isEqualTo("would-create");
        assertThat(gh.repository("octo", "lab-deployment")).isNull(); // the dry run made nothing

        var created = repos.ensure(target("octo", true), false);
        assertThat(created.action()).isEqualTo("created");
        assertThat(created.ownerKind()).isEqualTo("user");
        StandInGithub.Repository r = gh.repository("octo", "lab-deployment");
        assertThat(r.privateRepository).isTrue();
        assertThat(r.description).isEqualTo("GitOps for lab");
        assertThat(r.topics).containsExactly("gitops", "homelab");

        var again = repos.ensure(target("octo", true), false);
        assertThat(again.action()).isEqualTo("exists");
    }

    @Test
    void createsUnderAnOrganisationAndRefusesAnUnknownOwner() {
        var repos = new GithubRepositories(client(TOKEN));
        assertThat(repos.ensure(target("acme", false), false).ownerKind()).isEqualTo("organization");
        assertThat(gh.repository("acme", "lab-deployment").privateRepository).isFalse();
        assertThatThrownBy(() -> repos.ensure(target("stranger", true), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("neither the token's user (octo)");
    }

    @Test
    void aTokenWithoutTheScopeIsRefusedNamingTheVariableNotTheToken() {
        assertThatThrownBy(() -> new GithubRepositories(client("norepo")).ensure(target("octo", true), false))
                .isInstanceOf(ExternalSystemException.class)
                .hasMessageContaining("GITHUB_TOKEN").hasMessageContaining("'repo' scope").hasMessageNotContaining("norepo");
        // public_repo is enough for a public repository, not for a private one
        assertThatThrownBy(() -> new GithubRepositories(client("public-only")).ensure(target("octo", true), false))
                .isInstanceOf(ExternalSystemException.class);
        assertThat(new GithubRepositories(client("public-only")).ensure(target("octo", false), false).action())
                .isEqualTo("created");
        assertThat(gh.repository("octo", "lab-deployment").privateRepository).isFalse();
    }

    @Test
    void thePushGoesToTheStandInsGitRemoteWithTheTokenFromTheSettings() throws Exception {
        GithubConfig c = new GithubConfig();
        c.apiUrl = gh.enterpriseApiUrl();
        GithubSettings settings = GithubSettings.of(c, Map.of("GITHUB_TOKEN", TOKEN));
        new GithubRepositories(client(TOKEN)).ensure(target("octo", true), false);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("README.md"), "lab\n");
        var publisher = new FolderPublisher(GitSources.detect(Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString())),
                List.of(".vectorweight/"), "vectorweight", "vectorweight@localhost");
        String url = gh.apiUrl() + "/octo/lab-deployment.git";
        var pushed = publisher.publish(out, url, "main", "generate", settings.gitAuth(), GitProgress.NONE);
        assertThat(gh.head("octo", "lab-deployment")).isEqualTo(pushed.commit());
        // without the token the remote says no
        assertThatThrownBy(() -> publisher.status(out, url, "main", dev.ailab.sources.git.GitAuth.none()))
                .isInstanceOf(ExternalSystemException.class).hasMessageNotContaining(TOKEN);
    }
}
