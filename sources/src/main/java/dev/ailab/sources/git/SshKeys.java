package dev.ailab.sources.git;

import dev.ailab.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Small facts about an SSH private key file, read without decrypting it. */
public final class SshKeys {
    private SshKeys() {
    }

    /** Fails with a clear message when {@code key} is missing or is not a private key. */
    public static void checkReadable(Path key) {
        if (!Files.isRegularFile(key)) {
            throw new InvalidInputException("SSH key not found: " + key, "check the path given to --ssh-key or library.ssh_key");
        }
        String text = read(key);
        if (!text.contains("PRIVATE KEY-----")) {
            throw new InvalidInputException(key + " is not an SSH private key",
                    "point --ssh-key at the private key (for example ~/.ssh/id_ed25519), not the .pub file");
        }
    }

    /** True when the key needs a passphrase (OpenSSH format with a cipher, or an encrypted PEM key). */
    public static boolean isEncrypted(Path key) {
        String text = read(key);
        if (text.contains("Proc-Type: 4,ENCRYPTED") || text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            return true;
        }
        int begin = text.indexOf("-----BEGIN OPENSSH PRIVATE KEY-----");
        int end = text.indexOf("-----END OPENSSH PRIVATE KEY-----");
        if (begin < 0 || end < 0) {
            return false;
        }
        String body = text.substring(begin + "-----BEGIN OPENSSH PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
        try {
            ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(body));
            byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
            buf.position(magic.length);
            int len = buf.getInt();
            byte[] cipher = new byte[len];
            buf.get(cipher);
            return !"none".equals(new String(cipher, StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Decrypts the key in memory with {@code passphrase} (Apache MINA sshd's key loaders, as
     * JGit uses them) and fails with a clear message when the passphrase is wrong, before any
     * connection is tried.
     */
    public static void verifyPassphrase(Path key, char[] passphrase) {
        try (java.io.InputStream in = Files.newInputStream(key)) {
            String pw = new String(passphrase);
            Iterable<java.security.KeyPair> pairs = org.apache.sshd.common.util.security.SecurityUtils.loadKeyPairIdentities(
                    null, org.apache.sshd.common.NamedResource.ofName(key.toString()), in,
                    org.apache.sshd.common.config.keys.FilePasswordProvider.of(pw));
            if (pairs == null || !pairs.iterator().hasNext()) {
                throw new InvalidInputException("cannot read a key from " + key, "check the file given to --ssh-key");
            }
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException("the passphrase of the SSH key " + key + " is wrong (or the key is damaged)",
                    "enter the passphrase again; nothing was changed", e);
        }
    }

    /**
     * Asks for the passphrase of an encrypted key once, checks it, and returns auth whose
     * passphrase supplier answers from memory; unchanged when the key needs no passphrase.
     */
    public static GitAuth unlock(GitAuth auth) {
        if (auth == null || auth.sshKey() == null || !isEncrypted(auth.sshKey())) {
            return auth;
        }
        if (auth.passphrase() == null) {
            throw new InvalidInputException("the SSH key " + auth.sshKey() + " has a passphrase and none was given",
                    "run on a terminal to be asked, or set SSH_ASKPASS to a program that prints it");
        }
        char[] pw = auth.passphrase().get();
        if (pw == null) {
            throw new InvalidInputException("no passphrase given for " + auth.sshKey());
        }
        verifyPassphrase(auth.sshKey(), pw);
        char[] kept = pw.clone();
        java.util.Arrays.fill(pw, '\0');
        return new GitAuth(auth.sshKey(), kept::clone, auth.username(), auth.token(), auth.knownHosts());
    }

    private static String read(Path key) {
        try {
            return Files.readString(key, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read SSH key " + key + ": " + e.getMessage(),
                    "check the file's permissions");
        }
    }
}
