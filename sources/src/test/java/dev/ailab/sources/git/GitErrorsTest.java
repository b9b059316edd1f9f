package dev.ailab.sources.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.error.ToolkitException;
import org.junit.jupiter.api.Test;

/**
 * What git (the command or JGit) said about a remote, turned into a message that says what was
 * tried and what to check, with no git command line in it.
 */
class GitErrorsTest {
    @Test
    void aMissingLocalRepositorySaysWhereItLookedAndWhatToCheck() {
        ToolkitException e = GitErrors.remoteFailure("clone", "file:///srv/gone.git", "main", """
                fatal: '/srv/gone.git' does not appear to be a git repository
                fatal: Could not read from remote repository.

                Please make sure you have the correct access rights
                and the repository exists.""");
        assertThat(e.exitCode()).isEqualTo(ExitCodes.EXTERNAL);
        assertThat(e.getMessage()).isEqualTo("cannot reach file:///srv/gone.git: there is no git repository at /srv/gone.git "
                + "(tried: cloning branch main over the local file system)");
        assertThat(e.hint()).isEqualTo("check that /srv/gone.git exists and is a git repository (a bare clone or a working copy)");
    }

    @Test
    void digitsOf401InsideAPathAreNotARefusedLogin() {
        // JGit's words for a remote folder that is gone; the temporary folder's name holds "401".
        ToolkitException gone = GitErrors.remoteFailure("fetch", "file:///tmp/junit-7129812125438401235/moved-away.git", "main",
                "file:///tmp/junit-7129812125438401235/moved-away.git: not found.");
        assertThat(gone.getMessage()).startsWith("cannot reach ").doesNotContain("refused the credentials");
        ToolkitException refused = GitErrors.remoteFailure("fetch", "https://host.invalid/x.git", "main",
                "fatal: unable to access 'https://host.invalid/x.git/': The requested URL returned error: 401");
        assertThat(refused.getMessage()).contains("refused the credentials");
    }

    @Test
    void jgitsWordsGiveTheSameMessage() {
        ToolkitException git = GitErrors.remoteFailure("fetch", "https://127.0.0.1:1/x.git", "main",
                "fatal: unable to access 'https://127.0.0.1:1/x.git/': Failed to connect to 127.0.0.1 port 1 after 0 ms: "
                        + "Couldn't connect to server");
        ToolkitException jgit = GitErrors.remoteFailure("fetch", "https://127.0.0.1:1/x.git", "main",
                "https://127.0.0.1:1/x.git: cannot open git-upload-pack\nConnection refused 127.0.0.1\n");
        assertThat(git.getMessage()).isEqualTo(jgit.getMessage()).isEqualTo(
                "cannot reach https://127.0.0.1:1/x.git: nothing answers at 127.0.0.1:1 (tried: fetching branch main over HTTPS)");
        assertThat(git.hint()).contains("network").contains("--token-env");
    }

    @Test
    void anUnknownHostAndAnSshRemoteGetTheirOwnWordsAndHint() {
        ToolkitException e = GitErrors.remoteFailure("ls-remote", "git@git.example.invalid:team/lib.git", null,
                "ssh: Could not resolve hostname git.example.invalid: Name or service not known\n"
                        + "fatal: Could not read from remote repository.");
        assertThat(e.getMessage()).isEqualTo("cannot reach git@git.example.invalid:team/lib.git: the host name "
                + "git.example.invalid does not resolve (tried: listing the branches over SSH)");
        assertThat(e.hint()).contains("'ssh -T git@git.example.invalid'").contains("--ssh-key");
    }

    @Test
    void aTokenInTheUrlNeverShows() {
        ToolkitException e = GitErrors.remoteFailure("clone", "https://me:s3cret@host.invalid/x.git", "main",
                "fatal: unable to access 'https://me:s3cret@host.invalid/x.git/': Could not resolve host: host.invalid");
        assertThat(e.getMessage()).doesNotContain("s3cret").contains("the host name host.invalid does not resolve");
    }

    @Test
    void theWordsOfAFailedGitStepNameNoCommandLine() {
        assertThat(CommandGit.purpose("rev-parse")).isEqualTo("resolving a version");
        assertThat(GitErrors.significantLine("warning: x\nfatal: bad object HEAD\nhint: y")).isEqualTo("bad object HEAD");
    }
}
