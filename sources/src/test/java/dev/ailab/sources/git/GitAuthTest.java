package dev.ailab.sources.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.testing.RequiredTool;
import dev.ailab.core.error.ToolkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authentication against real servers: OpenSSH's sshd on a loopback port with generated keys
 * (ed25519 without and RSA with a passphrase), and git's smart-HTTP backend behind basic
 * authentication with a token. Each case runs with the git command and with JGit.
 */
class GitAuthTest {
    static final String PASSPHRASE = "correct horse battery";
    static final String TOKEN = "tok-123-secret";

    @TempDir
    static Path tmp;
    static Path bare;
    static TestSshd sshd;
    static TestGitHttpServer http;
    static Path plainKey;
    static Path rsaKey;
    static Path strangerKey;

    @BeforeAll
    static void servers() throws Exception {
        bare = tmp.resolve("repos/lib.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Path work = tmp.resolve("author");
        try (Git author = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call()) {
            author.checkout().setOrphan(true).setName("main").call();
            Files.writeString(work.resolve("library.yaml"), "format: 1\n");
            author.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("a", "a@example.org");
            author.commit().setMessage("first").setAuthor(who).setCommitter(who).call();
            author.push().setRemote("origin").add("main").call();
        }
        http = new TestGitHttpServer(tmp.resolve("repos"), "alice", TOKEN);
        if (TestSshd.installed()) {
            Path keys = tmp.resolve("keys");
            Files.createDirectories(keys);
            plainKey = TestSshd.keygen(keys, "id_ed25519", "ed25519", "");
            rsaKey = TestSshd.keygen(keys, "id_rsa", "rsa", PASSPHRASE);
            strangerKey = TestSshd.keygen(keys, "stranger", "ed25519", "");
            sshd = TestSshd.start(tmp.resolve("sshd"), List.of(keys.resolve("id_ed25519.pub"), keys.resolve("id_rsa.pub")));
        }
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
        if (http != null) {
            http.close();
        }
    }

    static Stream<String> clients() {
        return Stream.of("git", "jgit");
    }

    static GitClient client(String name) {
        if (name.equals("git")) {
            return new CommandGit(RequiredTool.onPath("git").toString(), env(), Duration.ofSeconds(60));
        }
        return new JGitClient(Duration.ofSeconds(60));
    }

    /** The git command's environment: this PATH (for ssh) and a home of its own. */
    static Map<String, String> env() {
        return Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString());
    }

    static void needSshd() {
        TestSshd.require();
    }

    Path target(String name) {
        return tmp.resolve("clones/" + name + "-" + System.nanoTime());
    }

    GitAuth ssh(Path key, String passphrase, String client) throws Exception {
        Path knownHosts = tmp.resolve("known_hosts-" + client);
        return new GitAuth(key, passphrase == null ? null : passphrase::toCharArray, null, null, knownHosts);
    }

    @ParameterizedTest
    @MethodSource("clients")
    void sshCloneWithAnEd25519Key(String name) throws Exception {
        needSshd();
        Path target = target(name);
        Files.createDirectories(target.getParent());
        client(name).cloneRepository(sshd.url(bare), "main", 0, target, ssh(plainKey, null, name), GitProgress.NONE);
        assertThat(target.resolve("library.yaml")).hasContent("format: 1");
    }

    @ParameterizedTest
    @MethodSource("clients")
    void sshCloneWithAnRsaKeyAndItsPassphrase(String name) throws Exception {
        needSshd();
        assertThat(SshKeys.isEncrypted(rsaKey)).isTrue();
        assertThat(SshKeys.isEncrypted(plainKey)).isFalse();
        Path target = target(name);
        Files.createDirectories(target.getParent());
        client(name).cloneRepository(sshd.url(bare), "main", 1, target, ssh(rsaKey, PASSPHRASE, name), GitProgress.NONE);
        assertThat(target.resolve("library.yaml")).exists();
    }

    @ParameterizedTest
    @MethodSource("clients")
    void wrongPassphraseIsInvalidInputAndClonesNothing(String name) throws Exception {
        needSshd();
        Path target = target(name);
        Files.createDirectories(target.getParent());
        assertThatThrownBy(() -> client(name).cloneRepository(sshd.url(bare), "main", 0, target,
                ssh(rsaKey, "not it", name), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
                    assertThat(e.getMessage()).contains("passphrase").doesNotContain("not it");
                });
        assertThat(target).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("clients")
    void keyTheServerDoesNotKnowIsAnExternalFailure(String name) throws Exception {
        needSshd();
        Path target = target(name);
        Files.createDirectories(target.getParent());
        assertThatThrownBy(() -> client(name).cloneRepository(sshd.url(bare), "main", 0, target,
                ssh(strangerKey, null, name), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.EXTERNAL));
    }

    @org.junit.jupiter.api.Test
    void secretsNeverReachTheCommandLineOfGitOrSsh() throws Exception {
        Path realGit = RequiredTool.onPath("git");
        // a git that records every command line it is started with, then runs the real one
        Path log = tmp.resolve("argv.log");
        Path fake = tmp.resolve("bin/git");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\nexec '" + realGit + "' \"$@\"\n");
        fake.toFile().setExecutable(true);
        GitClient git = new CommandGit(fake.toString(), env(), Duration.ofSeconds(60));
        Path target = target("argv");
        Files.createDirectories(target.getParent());
        git.cloneRepository(http.url("lib.git"), "main", 0, target, new GitAuth(null, null, "alice", TOKEN::toCharArray, null),
                GitProgress.NONE);
        git.open(target).fetch("main", new GitAuth(null, null, "alice", TOKEN::toCharArray, null), GitProgress.NONE);
        if (sshd != null) {
            Path viaSsh = target("argv-ssh");
            git.cloneRepository(sshd.url(bare), "main", 0, viaSsh, ssh(rsaKey, PASSPHRASE, "argv"), GitProgress.NONE);
            assertThat(viaSsh.resolve("library.yaml")).exists();
        }
        String argv = Files.readString(log);
        assertThat(argv).contains("clone").contains("fetch").doesNotContain(TOKEN).doesNotContain(PASSPHRASE);
        // and the askpass helper is gone after each operation
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("ai-config-askpass"))
                    .filter(p -> Files.exists(p.resolve("askpass")))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("clients")
    void httpsTokenIsSentAndAWrongOneRefused(String name) throws Exception {
        GitClient git = client(name);
        Path target = target(name);
        Files.createDirectories(target.getParent());
        GitAuth good = new GitAuth(null, null, "alice", TOKEN::toCharArray, null);
        git.cloneRepository(http.url("lib.git"), "main", 0, target, good, GitProgress.NONE);
        assertThat(target.resolve("library.yaml")).exists();
        assertThat(git.lsRemote(http.url("lib.git"), good)).containsKey("main");
        // fetch through the same credentials works too
        assertThat(git.open(target).fetch("main", good, GitProgress.NONE)).hasSize(40);

        Path refused = target(name);
        GitAuth bad = new GitAuth(null, null, "alice", "wrong-token"::toCharArray, null);
        assertThatThrownBy(() -> git.cloneRepository(http.url("lib.git"), "main", 0, refused, bad, GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.EXTERNAL);
                    assertThat(e.getMessage()).doesNotContain("wrong-token");
                });
        assertThat(refused).doesNotExist();
        assertThatThrownBy(() -> git.cloneRepository(http.url("lib.git"), "main", 0, refused, GitAuth.none(), GitProgress.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.EXTERNAL));
    }
}
