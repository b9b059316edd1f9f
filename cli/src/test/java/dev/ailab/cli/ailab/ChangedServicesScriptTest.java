package dev.ailab.cli.ailab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.cli.CliHarness;
import dev.ailab.cli.ailab.GeneratedProjectsBuildTest.Run;
import dev.ailab.core.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/ci/changed-services.sh} of the monorepo template, on a real git repository
 * with commits touching one service, two, shared/, infrastructure/ and none; and shellcheck.
 */
class ChangedServicesScriptTest {
    @TempDir
    static Path home;
    static Path root;
    static Path git;

    static String commit(String message, String... files) throws Exception {
        for (String f : files) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, message + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        run(git.toString(), "add", "-A");
        run(git.toString(), "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", message);
        return run(git.toString(), "rev-parse", "HEAD").strip();
    }

    static String run(String... command) throws Exception {
        Run r = GeneratedProjectsBuildTest.exec(root, 60, command);
        assertThat(r.exit()).as(String.join(" ", command) + "\n" + r.output()).isZero();
        return r.output();
    }

    static String changed(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "sh";
        command[1] = "scripts/ci/changed-services.sh";
        System.arraycopy(args, 0, command, 2, args.length);
        return run(command);
    }

    @BeforeAll
    static void repository() throws Exception {
        git = RequiredTool.onPath("git");
        CliHarness lab = CliHarness.aiLab(home);
        assertThat(lab.run("create-project", "platform", "--template", "monorepo", "--defaults").exitCode()).isZero();
        root = home.resolve("platform");
        for (String s : new String[] {"auth", "billing", "web"}) {
            assertThat(lab.run("service", "add", s, root.toString()).exitCode()).isZero();
        }
        run(git.toString(), "init", "-q");
    }

    @Test
    void scriptIsShellcheckClean() throws Exception {
        Path shellcheck = RequiredTool.onPath("shellcheck");
        Run r = GeneratedProjectsBuildTest.exec(root, 60, shellcheck.toString(), "-s", "sh", "scripts/ci/changed-services.sh");
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void listsTheServicesEachCommitChanged() throws Exception {
        String first = commit("start");
        assertThat(changed("0000000000000000000000000000000000000000", first)).isEqualTo("auth\nbilling\nweb\n");
        String one = commit("auth only", "services/auth/src/auth/core.py");
        assertThat(changed(first, one)).isEqualTo("auth\n");
        String two = commit("two", "services/billing/README.md", "services/web/src/web/core.py");
        assertThat(changed(one, two)).isEqualTo("billing\nweb\n");
        assertThat(changed("--json", one, two)).isEqualTo("[\"billing\",\"web\"]\n");
        String shared = commit("shared", "shared/libs/util.txt");
        assertThat(changed(two, shared)).isEqualTo("auth\nbilling\nweb\n");
        String infra = commit("infra", "infrastructure/monitoring/prometheus.yaml");
        assertThat(changed("--json", shared, infra)).isEqualTo("[\"auth\",\"billing\",\"web\"]\n");
        String none = commit("docs only", "docs/notes.md");
        assertThat(changed(infra, none)).isEmpty();
        assertThat(changed("--json", infra, none)).isEqualTo("[]\n");
        assertThat(changed(one, two + "")).isEqualTo(changed(one, two));
    }

    @Test
    void refusesAHeadThatIsNotACommit() throws Exception {
        Run r = GeneratedProjectsBuildTest.exec(root, 60, "sh", "scripts/ci/changed-services.sh", "HEAD", "no-such-ref");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("'no-such-ref' is not a commit");
    }
}
