package dev.ailab.deployment.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks stored secrets: file present, mode 0600 (made so when asked to fix), decrypts to a
 * non-empty value. The identity file's mode is checked and fixed too.
 */
final class SecretVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(SecretVerifier.class);

    private final SecretStore store;

    SecretVerifier(SecretStore store) {
        this.store = store;
    }

    /** One check per agent, decrypting with the host identity or {@code otherIdentity}. */
    List<SecretCheck> verify(Collection<String> agents, boolean fix, Path otherIdentity) {
        Path identityFile = store.identityFile();
        if (fix && Files.isRegularFile(identityFile)) {
            fixMode(identityFile);
        }
        AgeIdentity identity = otherIdentity == null ? store.loadIdentity() : store.loadIdentity(otherIdentity);
        List<SecretCheck> checks = new ArrayList<>();
        for (String agent : agents) {
            checks.add(check(agent, identity, fix));
        }
        return checks;
    }

    private static void fixMode(Path file) {
        try {
            if (Permissions.loose(file)) {
                Permissions.ownerOnly(file);
                LOG.info("set mode 0600 on {}", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change the mode of " + file + ": " + e.getMessage(), e);
        }
    }

    private SecretCheck check(String agent, AgeIdentity identity, boolean fix) {
        Path file = store.secretFile(agent);
        if (!Files.isRegularFile(file)) {
            return new SecretCheck(agent, file.toString(), SecretCheck.Status.missing, "no secret stored", false);
        }
        long length;
        try {
            length = AgeCrypto.decrypt(file, identity, Plaintext.DISCARD);
        } catch (AgeCrypto.AgeDecryptException e) {
            return new SecretCheck(agent, file.toString(), SecretCheck.Status.undecryptable, e.getMessage(), false);
        } catch (IOException e) {
            return new SecretCheck(agent, file.toString(), SecretCheck.Status.undecryptable, "cannot read: " + e.getMessage(), false);
        }
        if (length == 0) {
            return new SecretCheck(agent, file.toString(), SecretCheck.Status.empty, "decrypts to an empty value", false);
        }
        try {
            if (Permissions.loose(file)) {
                String mode = Permissions.mode(file);
                if (fix) {
                    Permissions.ownerOnly(file);
                    return new SecretCheck(agent, file.toString(), SecretCheck.Status.ok, "mode was " + mode + ", set to 0600", true);
                }
                return new SecretCheck(agent, file.toString(), SecretCheck.Status.loose_permissions,
                        "mode " + mode + " lets others read it; should be 0600 (use --fix)", false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the mode of " + file + ": " + e.getMessage(), e);
        }
        return new SecretCheck(agent, file.toString(), SecretCheck.Status.ok, "decrypts (" + length + " bytes)", false);
    }
}
