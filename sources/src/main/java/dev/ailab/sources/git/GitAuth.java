package dev.ailab.sources.git;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * How to authenticate to a git remote. Secrets are held here only as suppliers and are handed
 * to git through the environment of its process (an askpass helper reads them), never through
 * its arguments.
 *
 * @param sshKey        private key for SSH remotes (ed25519 or RSA), or null for the user's defaults
 * @param passphrase    supplies the key's passphrase when the key is encrypted; may be null
 * @param username      user name for HTTPS (GitHub and GitLab accept any non-empty name with a token)
 * @param token         supplies the HTTPS token or password; may be null
 * @param knownHosts    known_hosts file for SSH (new hosts are added on first use), or null for ssh's default
 */
public record GitAuth(Path sshKey, Supplier<char[]> passphrase, String username, Supplier<char[]> token,
                      Path knownHosts) {

    public static GitAuth none() {
        return new GitAuth(null, null, null, null, null);
    }

    public GitAuth withKnownHosts(Path file) {
        return new GitAuth(sshKey, passphrase, username, token, file);
    }

    public boolean hasToken() {
        return token != null;
    }

    @Override
    public String toString() {
        // Never print a secret, even by accident in a log line.
        return "GitAuth[sshKey=" + sshKey + ", passphrase=" + (passphrase != null ? "***" : "none")
                + ", username=" + username + ", token=" + (token != null ? "***" : "none") + "]";
    }
}
