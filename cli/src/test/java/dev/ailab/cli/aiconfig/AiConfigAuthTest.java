package dev.ailab.cli.aiconfig;

import dev.ailab.sources.git.TestSshd;
import dev.ailab.sources.git.TestGitHttpServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.cli.CliHarness;
import dev.ailab.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials through the command line front: token from an env var or the credentials file, SSH passphrase by askpass. */
class AiConfigAuthTest {
    static final String TOKEN = "s3cr3t-token-value";

    @TempDir
    Path tmp;
    TestUpstream upstream;
    CliHarness cli;
    Path home;

    @BeforeEach
    void setUp() {
        upstream = new TestUpstream(tmp.resolve("repos"), true);
        cli = new CliHarness(AiConfigCommand::new, tmp.resolve("user"));
        home = tmp.resolve("user/.local/share/ai-config");
    }

    @AfterEach
    void tearDown() {
        upstream.close();
    }

    @Test
    void tokenFromAnEnvironmentVariableOrTheCredentialsFile() throws Exception {
        try (TestGitHttpServer http = new TestGitHttpServer(tmp.resolve("repos"), "git", TOKEN)) {
            String url = http.url("upstream.git");
            Result missing = cli.run("init", url, "--token-env", "LIB_TOKEN");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("LIB_TOKEN").contains("not set");

            Result refused = cli.run("init", url);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(home.resolve("library")).doesNotExist();

            cli.env("LIB_TOKEN", TOKEN);
            Result ok = cli.run("init", url, "--token-env", "LIB_TOKEN");
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            assertThat(ok.out() + ok.err()).doesNotContain(TOKEN);
            assertThat(home.resolve("library/library.yaml")).exists();

            // update through the credentials file, which must be private
            upstream.write("prompts/new.md", "new\n");
            upstream.commit("second");
            Path credentials = tmp.resolve("user/.config/ai-config/credentials");
            Files.createDirectories(credentials.getParent());
            Files.writeString(credentials, "# host token\n127.0.0.1 " + TOKEN + "\n");
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
            Result open = cli.run("library", "update");
            assertThat(open.exitCode()).isEqualTo(2);
            assertThat(open.err()).contains("readable by other users");
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
            Result update = cli.run("library", "update");
            assertThat(update.exitCode()).as(update.toString()).isZero();
            assertThat(home.resolve("library/prompts/new.md")).exists();
            String audit = Files.readString(tmp.resolve("user/.local/state/ai-config/audit.jsonl"));
            assertThat(audit).contains("library update").doesNotContain(TOKEN);
        }
    }

    @Test
    void sshKeyWithPassphraseFromAskpassAndAWrongOne() throws Exception {
        TestSshd.require();
        Path keys = tmp.resolve("keys");
        Files.createDirectories(keys);
        Path key = TestSshd.keygen(keys, "id_ed25519", "ed25519", "open sesame");
        try (TestSshd sshd = TestSshd.start(tmp.resolve("sshd"), List.of(keys.resolve("id_ed25519.pub")))) {
            Path askpass = tmp.resolve("askpass.sh");
            Files.writeString(askpass, "#!/bin/sh\nprintf '%s\\n' \"$TEST_PASSPHRASE\"\n");
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
            cli.env("SSH_ASKPASS", askpass.toString());

            cli.env("TEST_PASSPHRASE", "wrong");
            Result wrong = cli.run("init", sshd.url(upstream.bare), "--ssh-key", key.toString());
            assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(2);
            assertThat(wrong.err()).contains("passphrase").contains("wrong");
            assertThat(home.resolve("library")).doesNotExist();

            cli.env("TEST_PASSPHRASE", "open sesame");
            Result ok = cli.run("init", sshd.url(upstream.bare), "--ssh-key", key.toString());
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            assertThat(home.resolve("library/prompts/review.md")).exists();

            // no askpass and no terminal: a clear message instead of a hang
            cli.env("SSH_ASKPASS", "");
            Result noTty = cli.run("library", "update", "--ssh-key", key.toString());
            assertThat(noTty.exitCode()).isEqualTo(2);
            assertThat(noTty.err()).contains("no terminal");
        }
    }
}
