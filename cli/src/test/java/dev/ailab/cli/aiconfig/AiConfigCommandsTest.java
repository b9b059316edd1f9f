package dev.ailab.cli.aiconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ailab.cli.CliHarness;
import dev.ailab.cli.CliHarness.Result;
import dev.ailab.core.config.ConfigMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ai-config front end to end, in-process, against real repositories. */
class AiConfigCommandsTest {
    @TempDir
    Path tmp;
    TestUpstream upstream;
    CliHarness cli;
    Path home;

    @BeforeEach
    void setUp() {
        upstream = new TestUpstream(tmp.resolve("up"), true);
        cli = new CliHarness(AiConfigCommand::new, tmp.resolve("user"));
        home = tmp.resolve("user/.local/share/ai-config");
    }

    @AfterEach
    void tearDown() {
        upstream.close();
    }

    Result run(String... args) {
        return cli.run(args);
    }

    @Test
    void initTwiceThenUpdateRollbackAndForward() throws Exception {
        Result init = run("init", upstream.url());
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Cloned").contains("Version 1");
        assertThat(home.resolve("library/prompts/review.md")).hasContent("Review the change.");

        Result again = run("init", upstream.url());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already").contains("nothing was changed");

        TestUpstream other = new TestUpstream(tmp.resolve("other"), true);
        Map<String, String> before = TestUpstream.tree(home.resolve("library"));
        Result switching = run("init", other.url());
        other.close();
        assertThat(switching.exitCode()).as(switching.toString()).isEqualTo(2);
        assertThat(switching.err()).contains("is already at").contains("nothing was changed")
                .contains("hint: to switch, move").contains("--home");
        assertThat(TestUpstream.tree(home.resolve("library"))).isEqualTo(before);

        Result noop = run("library", "update");
        assertThat(noop.exitCode()).as(noop.toString()).isZero();
        assertThat(noop.out()).contains("Already up to date");

        Files.writeString(home.resolve("library/agents/coder.yaml"), "name: mine\n");
        Files.createDirectories(home.resolve("personal/prompts"));
        Files.writeString(home.resolve("personal/prompts/review.md"), "my review\n");
        upstream.write("prompts/review.md", "Review v2\n").write("prompts/new.md", "new\n").delete("prompts/explain.md");
        upstream.commit("second");

        Result dry = run("library", "update", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("3 file(s) changed: 1 added, 1 modified, 1 deleted").contains("Dry run");
        assertThat(home.resolve("library/prompts/new.md")).doesNotExist();

        Result update = run("library", "update");
        assertThat(update.exitCode()).as(update.toString()).isZero();
        assertThat(update.out()).contains("A prompts/new.md").contains("M prompts/review.md").contains("D prompts/explain.md")
                .contains("you override").contains("version 2");
        assertThat(home.resolve("library/agents/coder.yaml")).hasContent("name: mine");
        assertThat(home.resolve("personal/prompts/review.md")).hasContent("my review");

        Result log = run("library", "log");
        assertThat(log.out()).contains("init").contains("update").contains("second");

        Result back = run("library", "rollback");
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(home.resolve("library/prompts/explain.md")).hasContent("Explain the code.");
        assertThat(home.resolve("library/agents/coder.yaml")).hasContent("name: mine");

        Result forward = run("library", "update", "-o", "json");
        assertThat(forward.exitCode()).as(forward.toString()).isZero();
        JsonNode json = ConfigMapper.json().readTree(forward.out());
        assertThat(json.get("applied").asBoolean()).isTrue();
        assertThat(json.get("added").get(0).asText()).isEqualTo("prompts/new.md");
        assertThat(home.resolve("library/prompts/explain.md")).doesNotExist();
        assertThat(home.resolve("personal/prompts/review.md")).hasContent("my review");

        Path audit = tmp.resolve("user/.local/state/ai-config/audit.jsonl");
        assertThat(Files.readAllLines(audit)).anySatisfy(l -> assertThat(l).contains("library rollback"));
    }

    @Test
    void jgitCanBeForcedWhenGitIsNotWanted() throws Exception {
        cli.env("AI_CONFIG_GIT", "jgit");
        Result init = run("init", upstream.url());
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("with jgit");
        upstream.write("prompts/new.md", "new\n");
        upstream.commit("second");
        Result update = run("library", "update");
        assertThat(update.exitCode()).as(update.toString()).isZero();
        assertThat(home.resolve("library/prompts/new.md")).hasContent("new");
    }

    @Test
    void conflictStopsWithExitOneAndNothingChanged() throws Exception {
        assertThat(run("init", upstream.url()).exitCode()).isZero();
        Files.writeString(home.resolve("library/prompts/review.md"), "local edit\n");
        upstream.write("prompts/review.md", "upstream edit\n").write("agents/coder.yaml", "name: v2\n");
        upstream.commit("second");
        Map<String, String> before = TestUpstream.tree(home.resolve("library"));

        Result r = run("library", "update");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("prompts/review.md").contains("nothing was changed").contains("hint:");
        assertThat(TestUpstream.tree(home.resolve("library"))).isEqualTo(before);

        Result diff = run("library", "diff", "prompts/review.md");
        assertThat(diff.out()).contains("+local edit").contains("+upstream edit");
        // the same unified diff as vectorweight plan --diff prints (dev.ailab.core.diff.UnifiedDiff)
        assertThat(diff.out()).contains("# local edit in library/\n--- library@HEAD/prompts/review.md\n+++ library/prompts/review.md\n"
                + "@@ -1 +1 @@\n-Review the change.\n+local edit\n");
        Result theirs = run("library", "show", "--upstream", "prompts/review.md");
        assertThat(theirs.out()).isEqualTo("upstream edit\n");
    }

    @Test
    void listSearchShowStatusAndHealthWorkOnTheEffectiveView() throws Exception {
        assertThat(run("init", upstream.url()).exitCode()).isZero();
        Files.createDirectories(home.resolve("personal/prompts"));
        Files.writeString(home.resolve("personal/prompts/review.md"), "Personal review prompt\n");
        Files.writeString(home.resolve("personal/mine.md"), "mine\n");

        Result list = run("library", "list", "*.md");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("override  prompts/review.md").contains("personal  mine.md")
                .contains("library   prompts/explain.md").doesNotContain("coder.yaml");

        // The example of --help and the docs: ** spans folders, none included, as in git.
        upstream.write("prompts/deep/nested/tip.md", "tip\n").commit("nested");
        assertThat(run("library", "update").exitCode()).isZero();
        Result deep = run("library", "list", "prompts/**/*.md");
        assertThat(deep.exitCode()).as(deep.toString()).isZero();
        assertThat(deep.out()).contains("prompts/review.md").contains("prompts/explain.md")
                .contains("prompts/deep/nested/tip.md").doesNotContain("mine.md").doesNotContain("coder.yaml");

        Result search = run("library", "search", "--ignore-case", "review");
        assertThat(search.exitCode()).isZero();
        assertThat(search.out()).contains("prompts/review.md:1: Personal review prompt  [personal]");
        assertThat(run("library", "search", "no such text anywhere").exitCode()).isEqualTo(1);

        Result show = run("library", "show", "prompts/review.md");
        assertThat(show.out()).isEqualTo("Personal review prompt\n");
        assertThat(show.err()).contains("overrides library");
        assertThat(run("library", "show", "../etc/passwd").exitCode()).isEqualTo(2);

        Result status = run("library", "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Personal overrides: 1").contains("Local edits in library/: none");

        Result health = run("health", "--offline", "-o", "json");
        assertThat(health.exitCode()).as(health.toString()).isZero();
        JsonNode checks = ConfigMapper.json().readTree(health.out()).get("checks");
        assertThat(checks.findValuesAsText("name")).contains("library present", "git repository valid", "index fresh",
                "disk space", "permissions", "config valid", "no stray edits in library/");

        Files.writeString(home.resolve("library/agents/coder.yaml"), "stray\n");
        Result warn = run("health", "--offline");
        assertThat(warn.exitCode()).isZero();
        assertThat(warn.out()).contains("warning").contains("1 file(s) edited in library/");
    }

    @Test
    void healthShowsItsTableWhenAnotherConfigSectionHasATypo() throws Exception {
        Path elsewhere = tmp.resolve("elsewhere");
        assertThat(run("init", upstream.url(), "--home", elsewhere.toString()).exitCode()).isZero();
        Path user = Files.createDirectories(tmp.resolve("user/.config/ai-lab")).resolve("config.yaml");
        Files.writeString(user, "library:\n  path: " + elsewhere + "\ndeployment:\n  agnets: [claude]\n");
        cli.env("COLUMNS", "400");
        Result health = run("health", "--offline");
        assertThat(health.exitCode()).as(health.toString()).isEqualTo(1);
        assertThat(health.out()).contains("CHECK").contains("Overall: error");
        List<String> configRows = health.out().lines().filter(l -> l.startsWith("config valid")).toList();
        assertThat(configRows).hasSize(1);
        assertThat(configRows.get(0)).contains("error").contains("agnets");
        assertThat(health.out().lines().filter(l -> l.startsWith("library present")))
                .as("library.path of the same file is still used").allMatch(l -> l.contains(" ok ") && l.contains("elsewhere"));

        // A check whose fix is "nothing to do" is not a warning: a stale index is refreshed and ok.
        Files.writeString(user, "library:\n  path: " + elsewhere + "\n");
        Files.writeString(elsewhere.resolve("personal/new.md"), "new\n");
        Result fresh = run("health", "--offline", "-o", "json");
        assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
        JsonNode index = null;
        for (JsonNode c : ConfigMapper.json().readTree(fresh.out()).get("checks")) {
            if (c.path("name").asText().equals("index fresh")) {
                index = c;
            }
        }
        assertThat(index).isNotNull();
        assertThat(index.path("level").asText()).isEqualTo("ok");
        assertThat(index.path("detail").asText()).contains("refreshed now");
    }

    @Test
    void cloneProgressOnlyOnATerminalNeverWithQuietAndWithoutColourUnderNoColor() throws Exception {
        for (int i = 0; i < 40; i++) {
            upstream.write("prompts/p" + i + ".md", "prompt " + i + "\n");
        }
        upstream.commit("more files");
        String[] cases = {"terminal", "pipe", "quiet", "no-color"};
        for (String c : cases) {
            CliHarness h = new CliHarness(AiConfigCommand::new, tmp.resolve("user-" + c))
                    .stderrTerminal(!c.equals("pipe"));
            if (c.equals("no-color")) {
                h.env("NO_COLOR", "");
            }
            Result r = c.equals("quiet") ? h.run("init", upstream.url(), "-q") : h.run("init", upstream.url());
            assertThat(r.exitCode()).as(c + "\n" + r).isZero();
            switch (c) {
                case "terminal" -> assertThat(r.err()).as(c).contains("\r").contains("%").contains("\u001b[32m");
                case "no-color" -> assertThat(r.err()).as(c).contains("\r").contains("%").doesNotContain("\u001b");
                default -> assertThat(r.err()).as(c).doesNotContain("\r").doesNotContain("%");
            }
        }
    }

    @Test
    void initOnATerminalOffersTheFolderSyncthingShares() throws Exception {
        Path user = tmp.resolve("user");
        Path shared = Files.createDirectories(user.resolve("Sync"));
        Path config = Files.createDirectories(user.resolve(".local/state/syncthing")).resolve("config.xml");
        Files.writeString(config, "<configuration version=\"37\">\n    <folder id=\"abc-123\" label=\"Default\" path=\""
                + shared + "\" type=\"sendreceive\">\n    </folder>\n    <folder id=\"gone\" path=\"" + user.resolve("gone")
                + "\"></folder>\n</configuration>\n");

        Result asked = cli.interactive(true).stdin("\n").run("init", upstream.url());
        assertThat(asked.exitCode()).as(asked.toString()).isZero();
        assertThat(asked.err()).contains("Where should personal/").contains("1) " + shared.resolve("ai-config-personal"))
                .contains("Syncthing").doesNotContain(user.resolve("gone").toString());
        Path personal = shared.resolve("ai-config-personal");
        assertThat(personal).isDirectory();
        assertThat(home.resolve("personal")).doesNotExist();
        // Later commands (no terminal, no config entry) use the folder chosen then.
        Files.writeString(personal.resolve("mine.md"), "mine\n");
        Result list = cli.interactive(false).run("library", "list", "*.md");
        assertThat(list.out()).contains("personal  mine.md");

        // Without a terminal nothing is asked: the default, or --personal.
        CliHarness script = new CliHarness(AiConfigCommand::new, user);
        Result quiet = script.run("init", upstream.url(), "--home", tmp.resolve("h2").toString());
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.err()).doesNotContain("Where should");
        assertThat(tmp.resolve("h2/personal")).isDirectory();
        Result given = script.run("init", upstream.url(), "--home", tmp.resolve("h3").toString(),
                "--personal", tmp.resolve("mine").toString());
        assertThat(given.exitCode()).as(given.toString()).isZero();
        assertThat(tmp.resolve("mine")).isDirectory();
        assertThat(tmp.resolve("h3/personal")).doesNotExist();

        // Typing a number picks the default beside library/.
        Result second = new CliHarness(AiConfigCommand::new, user).interactive(true).stdin("2\n")
                .run("init", upstream.url(), "--home", tmp.resolve("h4").toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(tmp.resolve("h4/personal")).isDirectory();
    }

    @Test
    void badInputGetsAClearMessageAndChangesNothing() throws Exception {
        Result unreachable = run("init", tmp.resolve("nowhere.git").toUri().toString());
        assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(3);
        assertThat(unreachable.err()).contains("error: cannot reach").contains("hint:").doesNotContain("Exception");
        assertThat(home.resolve("library")).doesNotExist();

        Result withPassword = run("init", "https://someone:s3cret@127.0.0.1:1/team/lib.git");
        assertThat(withPassword.exitCode()).as(withPassword.toString()).isEqualTo(3);
        assertThat(withPassword.err()).contains("127.0.0.1:1/team/lib.git").contains("tried").contains("hint:")
                .doesNotContain("s3cret");

        // A repository of prompts without library.yaml just works, with a note.
        TestUpstream plain = new TestUpstream(tmp.resolve("plain"), false);
        Result noManifest = run("init", plain.url(), "--home", tmp.resolve("plain-home").toString(), "-o", "json");
        plain.close();
        assertThat(noManifest.exitCode()).as(noManifest.toString()).isZero();
        assertThat(noManifest.err()).contains("note: ").contains("has no library.yaml");
        assertThat(ConfigMapper.json().readTree(noManifest.out()).path("note").asText()).contains("library.yaml");
        assertThat(tmp.resolve("plain-home/library/prompts/review.md")).exists();

        Result branch = run("init", upstream.url(), "--branch", "nope");
        assertThat(branch.exitCode()).isEqualTo(2);
        assertThat(branch.err()).contains("branch 'nope' does not exist");

        Result noUrl = run("init");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("no library repository given");

        assertThat(run("library", "status").exitCode()).isEqualTo(1);

        assertThat(run("init", upstream.url()).exitCode()).isZero();
        Files.writeString(home.resolve("library/.git/HEAD"), "not a ref\n");
        Map<String, String> before = TestUpstream.tree(home.resolve("library"));
        Result corrupt = run("library", "update");
        assertThat(corrupt.exitCode()).as(corrupt.toString()).isEqualTo(2);
        assertThat(corrupt.err()).contains("not a valid git repository");
        assertThat(TestUpstream.tree(home.resolve("library"))).isEqualTo(before);

        Result health = run("health", "--offline");
        assertThat(health.exitCode()).isEqualTo(1);
        assertThat(health.out()).contains("error");
    }

    @Test
    void homeOptionAndConfigSectionChooseTheLocation() throws Exception {
        Path other = tmp.resolve("elsewhere");
        assertThat(run("init", upstream.url(), "--home", other.toString()).exitCode()).isZero();
        assertThat(other.resolve("library/library.yaml")).exists();
        assertThat(home).doesNotExist();

        Path cfg = tmp.resolve("user/.config/ai-lab/config.yaml");
        Files.createDirectories(cfg.getParent());
        Files.writeString(cfg, "library:\n  repository: " + upstream.url() + "\n  path: " + tmp.resolve("from-config") + "\n");
        Result init = run("init");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(tmp.resolve("from-config/library/prompts/review.md")).exists();
        assertThat(run("library", "list", "--home", other.toString()).out()).contains("prompts/review.md");
    }

    @Test
    void configValidateBackupRestoreAndMigrate() throws Exception {
        Path cfg = tmp.resolve("user/.config/ai-lab/config.yaml");
        Files.createDirectories(cfg.getParent());
        String old = "ai_config:\n  url: https://example.org/lib.git\n  home: /tmp/x\n";
        Files.writeString(cfg, old);

        Result invalid = run("config", "validate");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains(cfg.toString());

        Result dry = run("config", "migrate", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("renamed library.url to library.repository");
        assertThat(cfg).hasContent(old.strip());

        Result migrate = run("config", "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(Files.readString(cfg)).contains("repository: https://example.org/lib.git").contains("path: /tmp/x");
        Result valid = run("config", "validate");
        assertThat(valid.exitCode()).as(valid.toString()).isZero();

        Result show = run("config", "show");
        assertThat(show.out()).contains("repository: https://example.org/lib.git");
        // Written by the one YAML writer: the text reads back to what -o json reports, and a
        // password in a URL is masked as in 'ai-lab config show'.
        Files.writeString(cfg, "library:\n  repository: https://me:pa55@example.org/lib.git\n  branch: 'yes'\n"
                + "  path: /tmp/x\n");
        Result text = run("config", "show");
        JsonNode fromText = ConfigMapper.yaml().readTree(text.out());
        JsonNode fromJson = ConfigMapper.json().readTree(run("config", "show", "-o", "json").out());
        assertThat(fromText.path("library").path("branch").asText()).isEqualTo("yes");
        assertThat(fromText.path("library").path("branch").isTextual()).isTrue();
        assertThat(fromText.path("library").path("path")).isEqualTo(fromJson.path("library").path("path"));
        assertThat(text.out()).doesNotContain("pa55").startsWith("library:\n  ");
        Files.writeString(cfg, "library:\n  repository: https://example.org/lib.git\n  path: /tmp/x\n");

        Result backup = run("config", "backup");
        assertThat(backup.exitCode()).isZero();
        Path copy = Path.of(backup.out().strip());
        assertThat(copy).exists();
        Files.writeString(cfg, "library:\n  branch: other\n");
        Result restore = run("config", "restore");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(Files.readString(cfg)).contains("repository: https://example.org/lib.git");
        assertThat(run("config", "restore", "--list").out().lines().count()).isGreaterThanOrEqualTo(3);
    }
}
