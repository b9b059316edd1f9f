package dev.ailab.cli.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import dev.ailab.integrations.github.StandInGithub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vectorweight repos} and {@code generate} with {@code auto_create_repositories}, end to
 * end through the command line against the GitHub stand-in (API under {@code /api/v3}, the real
 * {@code git http-backend} behind the clone URLs), with the token only in the environment.
 */
class ReposCommandsTest {
    static final String TOKEN = "ghp-canary-0c1d2e3f";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    StandInGithub gh;

    @BeforeEach
    void setUp() throws IOException {
        gh = new StandInGithub("acme", "shop").gitRoot(Files.createDirectories(home.resolve("github-data")))
                .token(TOKEN, "repo").token("norepo", "read:org").organization("acme");
    }

    @AfterEach
    void tearDown() {
        gh.close();
    }

    CliHarness vw(String token) {
        CliHarness cli = new CliHarness(VectorweightCommand::new, home);
        return token == null ? cli : cli.env("GITHUB_TOKEN", token);
    }

    void config(String file, String owner, boolean autoCreate, String more) throws IOException {
        Files.writeString(home.resolve(file), """
                project_name: lab
                environment: development
                clusters:
                  - name: lab
                    domain: lab.example.com
                    size: minimal
                auto_create_repositories: %s
                github:
                  owner: %s
                  api_url: %s
                  description: The lab's GitOps repository
                  topics: [gitops, homelab]
                %s""".formatted(autoCreate, owner, gh.enterpriseApiUrl(), more));
    }

    String cloneUrl(String owner) {
        return gh.apiUrl() + "/" + owner + "/lab-deployment.git";
    }

    static JsonNode json(CliHarness.Result r) throws IOException {
        return JSON.readTree(r.out());
    }

    @Test
    void createPushesForAUserAndARerunReusesAndFastForwards() throws IOException {
        config("vw.yaml", "octo", false, "");
        assertThat(vw(TOKEN).run("generate", "-c", "vw.yaml").exitCode()).isZero();

        CliHarness.Result dry = vw(TOKEN).run("repos", "create", "-c", "vw.yaml", "--dry-run", "-o", "json");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(json(dry).path("action").asText()).isEqualTo("would-create");
        assertThat(gh.repository("octo", "lab-deployment")).isNull();

        CliHarness.Result created = vw(TOKEN).run("repos", "create", "-c", "vw.yaml", "-o", "json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        JsonNode c = json(created);
        assertThat(c.path("action").asText()).isEqualTo("created");
        assertThat(c.path("owner_kind").asText()).isEqualTo("user");
        assertThat(c.path("private").asBoolean()).isTrue();
        assertThat(c.path("push").asText()).isEqualTo("pushed");
        assertThat(c.path("url").asText()).isEqualTo(cloneUrl("octo"));
        StandInGithub.Repository repo = gh.repository("octo", "lab-deployment");
        assertThat(repo.privateRepository).as("private by default").isTrue();
        assertThat(repo.description).isEqualTo("The lab's GitOps repository");
        assertThat(repo.topics).containsExactly("gitops", "homelab");
        assertThat(gh.head("octo", "lab-deployment")).isEqualTo(c.path("commit").asText());

        CliHarness.Result status = vw(TOKEN).run("repos", "status", "-c", "vw.yaml", "-o", "json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(json(status).path("pushed").asBoolean()).isTrue();
        assertThat(json(status).path("ahead").asInt()).isZero();

        CliHarness.Result again = vw(TOKEN).run("repos", "create", "-c", "vw.yaml", "-o", "json");
        assertThat(json(again).path("action").asText()).isEqualTo("exists");
        assertThat(json(again).path("push").asText()).isEqualTo("up-to-date");

        // a change of config: regenerate, status says not pushed, create fast-forwards
        Files.writeString(home.resolve("vw.yaml"), Files.readString(home.resolve("vw.yaml")).replace("size: minimal", "size: small"));
        assertThat(vw(TOKEN).run("generate", "-c", "vw.yaml").exitCode()).isZero();
        CliHarness.Result changed = vw(TOKEN).run("repos", "status", "-c", "vw.yaml");
        assertThat(changed.out()).contains("pushed       no").contains(cloneUrl("octo"));
        String before = gh.head("octo", "lab-deployment");
        CliHarness.Result ff = vw(TOKEN).run("repos", "create", "-c", "vw.yaml");
        assertThat(ff.exitCode()).as(ff.toString()).isZero();
        assertThat(ff.out()).contains("reusing private repository octo/lab-deployment").contains("pushed");
        assertThat(gh.head("octo", "lab-deployment")).isNotEqualTo(before);
    }

    @Test
    void createUnderAnOrganisationPublicWhenAsked() throws IOException {
        config("vw.yaml", "acme", false, "  private: false\n");
        CliHarness.Result generated = vw(TOKEN).run("generate", "-c", "vw.yaml");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        CliHarness.Result r = vw(TOKEN).run("repos", "create", "-c", "vw.yaml", "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(json(r).path("owner_kind").asText()).isEqualTo("organization");
        assertThat(gh.repository("acme", "lab-deployment").privateRepository).isFalse();
        assertThat(gh.head("acme", "lab-deployment")).isNotNull();
    }

    @Test
    void unrelatedHistoryAndNonFastForwardAreRefusedAndTheRemoteKept() throws Exception {
        config("vw.yaml", "octo", false, "");
        assertThat(vw(TOKEN).run("generate", "-c", "vw.yaml").exitCode()).isZero();
        gh.seed("octo", "lab-deployment", "README.md");
        String theirs = gh.head("octo", "lab-deployment");
        CliHarness.Result unrelated = vw(TOKEN).run("repos", "create", "-c", "vw.yaml");
        assertThat(unrelated.exitCode()).as(unrelated.toString()).isEqualTo(1);
        assertThat(unrelated.err()).contains("unrelated history").contains("hint:");
        assertThat(gh.head("octo", "lab-deployment")).isEqualTo(theirs);
        assertThat(vw(TOKEN).run("repos", "status", "-c", "vw.yaml").out()).contains("unrelated");

        config("other.yaml", "acme", false, "");
        Path out = home.resolve("acme-out");
        assertThat(vw(TOKEN).run("generate", "-c", "other.yaml", "--dir", out.toString()).exitCode()).isZero();
        assertThat(vw(TOKEN).run("repos", "create", "-c", "other.yaml", "--dir", out.toString()).exitCode()).isZero();
        String someone = gh.commitOnRemote("acme", "lab-deployment", "NOTES.md", "by hand\n");
        Files.writeString(home.resolve("other.yaml"), Files.readString(home.resolve("other.yaml")).replace("size: minimal", "size: small"));
        assertThat(vw(TOKEN).run("generate", "-c", "other.yaml", "--dir", out.toString()).exitCode()).isZero();
        CliHarness.Result nonFf = vw(TOKEN).run("repos", "create", "-c", "other.yaml", "--dir", out.toString());
        assertThat(nonFf.exitCode()).as(nonFf.toString()).isEqualTo(1);
        assertThat(nonFf.err()).contains("would not fast-forward").contains("ever forced");
        assertThat(gh.head("acme", "lab-deployment")).isEqualTo(someone);
        JsonNode s = json(vw(TOKEN).run("repos", "status", "-c", "other.yaml", "--dir", out.toString(), "-o", "json"));
        assertThat(s.path("behind").asInt()).isEqualTo(1);
        assertThat(s.path("ahead").asInt()).isEqualTo(1);
    }

    @Test
    void aTokenWithoutRepoScopeOrNoTokenIsRefusedNamingTheVariable() throws IOException {
        config("vw.yaml", "octo", false, "");
        assertThat(vw(TOKEN).run("generate", "-c", "vw.yaml").exitCode()).isZero();
        CliHarness.Result noScope = vw("norepo").run("repos", "create", "-c", "vw.yaml");
        assertThat(noScope.exitCode()).as(noScope.toString()).isEqualTo(3);
        assertThat(noScope.err()).contains("GITHUB_TOKEN").contains("'repo'").doesNotContain("norepo");
        assertThat(gh.repository("octo", "lab-deployment")).isNull();
        CliHarness.Result doctor = vw("norepo").run("repos", "doctor", "-c", "vw.yaml");
        assertThat(doctor.exitCode()).isEqualTo(3);
        CliHarness.Result none = vw(null).run("repos", "create", "-c", "vw.yaml");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("GITHUB_TOKEN");
        CliHarness.Result ok = vw(TOKEN).run("repos", "doctor", "-c", "vw.yaml", "-o", "json");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(json(ok).path("user").asText()).isEqualTo("octo");
        assertThat(json(ok).path("api_url").asText()).isEqualTo(gh.enterpriseApiUrl());
        assertThat(ok.out()).doesNotContain(TOKEN);
    }

    @Test
    void generateWithAutoCreateCreatesPushesAndWritesTheRealUrlIntoTheApplications() throws IOException {
        config("vw.yaml", "acme", true, "");
        CliHarness.Result r = vw(TOKEN).run("generate", "-c", "vw.yaml", "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode repo = json(r).path("repository");
        assertThat(repo.path("action").asText()).isEqualTo("created");
        assertThat(repo.path("push").asText()).isEqualTo("pushed");
        assertThat(r.err()).doesNotContain("not yet available");
        Path out = home.resolve("lab-deployment");
        try (Stream<Path> files = Files.walk(out.resolve("argocd"))) {
            String all = String.join("\n", files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
            assertThat(all).contains("repoURL: " + cloneUrl("acme")).doesNotContain("CHANGE-ME");
        }
        assertThat(gh.head("acme", "lab-deployment")).isEqualTo(repo.path("commit").asText());

        CliHarness.Result again = vw(TOKEN).run("generate", "-c", "vw.yaml", "-o", "json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(json(again).path("written")).isEmpty();
        assertThat(json(again).path("repository").path("action").asText()).isEqualTo("exists");
        assertThat(json(again).path("repository").path("push").asText()).isEqualTo("up-to-date");

        // without a token: the files are written, the push is refused naming the variable
        config("vw.yaml", "acme", true, "  private: true\n");
        Files.writeString(home.resolve("vw.yaml"), Files.readString(home.resolve("vw.yaml")).replace("size: minimal", "size: small"));
        CliHarness.Result noToken = vw(null).run("generate", "-c", "vw.yaml");
        assertThat(noToken.exitCode()).as(noToken.toString()).isEqualTo(2);
        assertThat(noToken.out()).contains("written");
        assertThat(noToken.err()).contains("GITHUB_TOKEN");
    }

    @Test
    void autoCreateWithoutAnOwnerIsRefused() throws IOException {
        Files.writeString(home.resolve("vw.yaml"), """
                project_name: lab
                clusters:
                  - name: lab
                    domain: lab.example.com
                auto_create_repositories: true
                """);
        CliHarness.Result r = vw(TOKEN).run("generate", "-c", "vw.yaml");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("needs github.owner");
    }
}
