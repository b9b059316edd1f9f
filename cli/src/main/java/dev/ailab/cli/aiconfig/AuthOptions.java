package dev.ailab.cli.aiconfig;

import picocli.CommandLine.Option;

/** Credentials for the library's remote; secrets themselves never come from the command line. */
public class AuthOptions {
    @Option(names = "--ssh-key", paramLabel = "PATH",
            description = "SSH private key (ed25519 or RSA) for ssh:// and user@host: URLs (default: library.ssh_key). "
                    + "An encrypted key's passphrase is asked on the terminal or through $SSH_ASKPASS.")
    public String sshKey;

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "Environment variable holding an HTTPS token (default: library.token_env). "
                    + "Without it, $XDG_CONFIG_HOME/ai-config/credentials is read (lines: HOST TOKEN, mode 0600).")
    public String tokenEnv;
}
