package dev.ailab.deployment.secrets;

import static dev.ailab.deployment.secrets.SecretStore.SUFFIX;

import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every stored secret to a new identity and/or a new set of extra recipients, all or
 * nothing: every secret is decrypted and re-encrypted into a staging folder and checked first;
 * only then are the files swapped, the old ones kept aside until every swap succeeded. A
 * replaced identity is kept as {@code identity-<time>.retired} so older backups stay readable.
 */
final class SecretRotator {
    private static final Logger LOG = LoggerFactory.getLogger(SecretRotator.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SecretStore store;
    private final Consumer<String> warnings;
    private final Clock clock;

    SecretRotator(SecretStore store, Consumer<String> warnings, Clock clock) {
        this.store = store;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** Rotates to a new identity (when {@code newIdentity}) and/or to {@code recipients} (when not null). */
    RotateResult rotate(boolean newIdentity, List<String> recipients) {
        Path secretsDir = store.secretsDir();
        Path identityFile = store.identityFile();
        AgeIdentity old = store.loadIdentity();
        AgeIdentity next = newIdentity ? AgeIdentity.generate() : old;
        List<String> extra = recipients == null ? store.extraRecipients() : recipients.stream().map(AgeCrypto::checkRecipient).toList();
        Set<String> all = new LinkedHashSet<>();
        all.add(next.recipient());
        all.addAll(extra);
        List<String> targetRecipients = List.copyOf(all);
        Set<String> agents = store.storedAgents();
        String stamp = STAMP.format(clock.instant());
        Path stage = secretsDir.resolve(".rotate-" + stamp);
        Path aside = secretsDir.resolve(".old-" + stamp);
        try {
            Permissions.ownerOnlyDirectory(stage);
            // 1. decrypt, re-encrypt and check every secret into the staging folder.
            for (String agent : agents) {
                reencrypt(agent, old, next, targetRecipients, stage.resolve(agent + SUFFIX));
            }
            // 2. swap, keeping the old files aside until all succeeded.
            Permissions.ownerOnlyDirectory(aside);
            List<String> moved = new ArrayList<>();
            String retired = null;
            try {
                for (String agent : agents) {
                    Files.move(store.secretFile(agent), aside.resolve(agent + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
                    moved.add(agent);
                    Files.move(stage.resolve(agent + SUFFIX), store.secretFile(agent), StandardCopyOption.ATOMIC_MOVE);
                }
                if (recipients != null) {
                    StringBuilder text = new StringBuilder("# Extra age recipients every secret is encrypted to (written by 'ai-lab secrets rotate').\n");
                    extra.forEach(r -> text.append(r).append('\n'));
                    AtomicFiles.writeString(store.recipientsFile(), text.toString());
                }
                if (newIdentity) {
                    Path keep = identityFile.resolveSibling("identity-" + stamp + ".retired");
                    Files.copy(identityFile, keep, StandardCopyOption.COPY_ATTRIBUTES);
                    Permissions.ownerOnly(keep);
                    retired = keep.toString();
                    AtomicFiles.write(identityFile, next.fileText(clock.instant()).getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY);
                }
            } catch (IOException | RuntimeException e) {
                rollBack(moved, aside);
                throw new OperationFailedException("cannot rotate: " + e.getMessage() + "; the old secrets were put back", null, e);
            }
            FileTrees.deleteQuietly(aside);
            LOG.info("rotated {} secrets to {} recipients{}", agents.size(), targetRecipients.size(), newIdentity ? " with a new identity" : "");
            return new RotateResult(List.copyOf(agents), next.recipient(), targetRecipients, retired);
        } catch (IOException e) {
            throw new OperationFailedException("cannot rotate: " + e.getMessage() + "; nothing was changed", null, e);
        } finally {
            FileTrees.deleteQuietly(stage);
        }
    }

    /** Writes {@code agent}'s secret, encrypted to {@code recipients}, to {@code staged} and checks it decrypts with {@code next}. */
    private void reencrypt(String agent, AgeIdentity old, AgeIdentity next, List<String> recipients, Path staged) throws IOException {
        Path file = store.secretFile(agent);
        boolean armored = SecretStore.isArmored(file);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try {
            AgeCrypto.decrypt(file, old, Channels.newChannel(plain));
        } catch (AgeCrypto.AgeDecryptException e) {
            throw new OperationFailedException("cannot rotate: " + file + " does not decrypt (" + e.getMessage() + "); nothing was changed",
                    "fix or set that secret again ('ai-lab secrets set " + agent + "'), then rotate");
        }
        byte[] digest = Plaintext.sha256(plain);
        AtomicFiles.write(staged, channel -> AgeCrypto.encrypt(Plaintext.reader(plain), channel, recipients, armored),
                AtomicFiles.OWNER_ONLY);
        Plaintext.wipe(plain);
        ByteArrayOutputStream check = new ByteArrayOutputStream();
        AgeCrypto.decrypt(staged, next, Channels.newChannel(check));
        boolean same = MessageDigest.isEqual(digest, Plaintext.sha256(check));
        Plaintext.wipe(check);
        if (!same) {
            throw new OperationFailedException("cannot rotate: the re-encrypted " + agent + " secret did not decrypt to the same value; nothing was changed", null);
        }
    }

    private void rollBack(List<String> moved, Path aside) {
        for (String agent : moved) {
            try {
                Files.move(aside.resolve(agent + SUFFIX), store.secretFile(agent), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                warnings.accept("could not put back " + agent + SUFFIX + "; the old file is in " + aside);
                return;
            }
        }
        FileTrees.deleteQuietly(aside);
    }
}
