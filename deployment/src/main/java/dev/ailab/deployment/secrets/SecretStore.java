package dev.ailab.deployment.secrets;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.deployment.podman.Names;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's age-encrypted secrets: one {@code <agent>.age} file per agent in the secrets folder,
 * encrypted to the host identity's recipient plus the extra recipients listed in
 * {@code recipients.txt}. Plaintext only ever lives in memory and in pipes: files are written
 * through {@link AtomicFiles} as ciphertext with mode 0600.
 *
 * <p>Storing, reading and listing happen here; checking is {@link SecretVerifier}'s job and
 * re-encrypting {@link SecretRotator}'s, both reached through this store.
 */
public final class SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(SecretStore.class);
    public static final String SUFFIX = ".age";
    public static final String RECIPIENTS_FILE = "recipients.txt";

    private final Path secretsDir;
    private final Path identityFile;
    private final Consumer<String> warnings;
    private final Clock clock;

    public SecretStore(Path secretsDir, Path identityFile, Consumer<String> warnings) {
        this(secretsDir, identityFile, warnings, Clock.systemUTC());
    }

    public SecretStore(Path secretsDir, Path identityFile, Consumer<String> warnings, Clock clock) {
        this.secretsDir = secretsDir;
        this.identityFile = identityFile;
        this.warnings = warnings;
        this.clock = clock;
    }

    public Path secretsDir() {
        return secretsDir;
    }

    public Path identityFile() {
        return identityFile;
    }

    public Path recipientsFile() {
        return secretsDir.resolve(RECIPIENTS_FILE);
    }

    /** Whether {@code agent} has a stored secret. */
    public boolean exists(String agent) {
        return java.nio.file.Files.exists(secretFile(agent));
    }

    public Path secretFile(String agent) {
        return secretsDir.resolve(Names.check("agent", agent) + SUFFIX);
    }

    public boolean hasIdentity() {
        return Files.isRegularFile(identityFile);
    }

    /** Creates the host identity (mode 0600) and the secrets folder (0700). Refuses to replace one. */
    public AgeIdentity init() {
        if (Files.exists(identityFile)) {
            throw new OperationFailedException("an age identity already exists at " + identityFile,
                    "nothing was changed; to replace it and re-encrypt every secret run 'ai-lab secrets rotate --new-identity'");
        }
        try {
            Permissions.ownerOnlyDirectory(identityFile.toAbsolutePath().getParent());
            Permissions.ownerOnlyDirectory(secretsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + secretsDir + ": " + e.getMessage(), e);
        }
        AgeIdentity identity = AgeIdentity.generate();
        AtomicFiles.write(identityFile, identity.fileText(clock.instant()).getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY);
        LOG.info("created age identity {} at {}", identity.recipient(), identityFile);
        return identity;
    }

    /** The host identity; a missing or damaged file is an exit-1 error, loose permissions a warning. */
    public AgeIdentity loadIdentity() {
        return loadIdentity(identityFile);
    }

    /** An identity from another file (for example an administrator's key). */
    public AgeIdentity loadIdentity(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new OperationFailedException("no age identity at " + file,
                    file.equals(identityFile) ? "create one with 'ai-lab secrets init'" : "check the path given with --identity");
        }
        try {
            if (Permissions.loose(file)) {
                warnings.accept("identity " + file + " has mode " + Permissions.mode(file) + "; it should be 0600 (run 'ai-lab secrets verify --fix')");
            }
            return AgeIdentity.parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new OperationFailedException("cannot read age identity " + file + ": " + dev.ailab.core.error.IoMessages.describe(e),
                    e instanceof java.nio.charset.CharacterCodingException
                            ? "an age identity is a text file with an AGE-SECRET-KEY-1... line; check the path given with --identity"
                            : dev.ailab.core.error.IoMessages.hint(e), e);
        }
    }

    /** The extra recipients of {@code recipients.txt} (one {@code age1...} a line, '#' comments). */
    public List<String> extraRecipients() {
        Path file = recipientsFile();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                try {
                    result.add(AgeCrypto.checkRecipient(t));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(file + ":" + lineNo + ":1: " + e.getMessage(), e.hint());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** Every recipient a secret is encrypted to: the host's, then {@code recipients.txt}, then {@code extra}. */
    public List<String> recipients(AgeIdentity identity, Collection<String> extra) {
        Set<String> all = new LinkedHashSet<>();
        all.add(identity.recipient());
        all.addAll(extraRecipients());
        for (String r : extra) {
            all.add(AgeCrypto.checkRecipient(r));
        }
        return List.copyOf(all);
    }

    /**
     * Encrypts what {@code plaintext} gives (one trailing newline dropped) to the recipients and
     * writes {@code <agent>.age} atomically with mode 0600. An empty secret is refused and
     * nothing is written.
     */
    public SecretInfo set(String agent, InputStream plaintext, Collection<String> extraRecipients, boolean armor) {
        return set(agent, plaintext, extraRecipients, armor, true);
    }

    /**
     * Stores a secret; with {@code replace} false an existing secret of that agent is refused
     * before anything is read, so a script cannot overwrite a key by a slip.
     */
    public SecretInfo set(String agent, InputStream plaintext, Collection<String> extraRecipients, boolean armor,
                          boolean replace) {
        Path target = secretFile(agent);
        if (!replace && exists(agent)) {
            throw new OperationFailedException("a secret for " + agent + " already exists (" + target + "); nothing was changed",
                    "add --force to replace it, or 'ai-lab secrets rotate' to re-encrypt it to new recipients");
        }
        AgeIdentity identity = loadIdentity();
        List<String> recipients = recipients(identity, extraRecipients);
        try {
            Permissions.ownerOnlyDirectory(secretsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + secretsDir + ": " + e.getMessage(), e);
        }
        long[] length = new long[1];
        try {
            AtomicFiles.write(target, channel -> {
                length[0] = AgeCrypto.encrypt(new TrailingNewlineDropper(plaintext), channel, recipients, armor);
                if (length[0] == 0) {
                    throw new EmptySecretException();
                }
            }, AtomicFiles.OWNER_ONLY);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof EmptySecretException) {
                throw new InvalidInputException("the secret for " + agent + " read from standard input is empty; nothing was written",
                        "pipe the value in, for example: pass show claude | ai-lab secrets set " + agent);
            }
            throw e;
        }
        LOG.info("stored secret for {} ({} bytes, {} recipients, {})", agent, length[0], recipients.size(), armor ? "armored" : "binary");
        return info(agent, target);
    }

    /** Names, sizes and dates of the stored secrets, sorted by agent. */
    public List<SecretInfo> list() {
        List<SecretInfo> result = new ArrayList<>();
        for (String agent : storedAgents()) {
            result.add(info(agent, secretFile(agent)));
        }
        return result;
    }

    /** Agents that have a {@code .age} file. Files whose names are not valid agent names are skipped. */
    public Set<String> storedAgents() {
        Set<String> agents = new TreeSet<>();
        if (!Files.isDirectory(secretsDir)) {
            return agents;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(secretsDir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String agent = name.substring(0, name.length() - SUFFIX.length());
                if (Names.isValid(agent) && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    agents.add(agent);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + secretsDir + ": " + e.getMessage(), e);
        }
        return agents;
    }

    private SecretInfo info(String agent, Path file) {
        try {
            return new SecretInfo(agent, file.toString(), Files.size(file), Files.getLastModifiedTime(file).toInstant(),
                    Permissions.mode(file), isArmored(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static boolean isArmored(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(AgeCrypto.ARMOR_HEADER.length());
            return new String(head, StandardCharsets.US_ASCII).equals(AgeCrypto.ARMOR_HEADER);
        }
    }

    /**
     * Checks the secrets of {@code agents} (every stored one, plus {@code expected} that should
     * exist): file present, mode 0600 (made so when {@code fix}), decrypts to a non-empty value.
     * The identity file's mode is checked and fixed too.
     */
    public List<SecretCheck> verify(Collection<String> agents, boolean fix) {
        return verify(agents, fix, null);
    }

    public List<SecretCheck> verify(Collection<String> agents, boolean fix, Path otherIdentity) {
        return new SecretVerifier(this).verify(agents, fix, otherIdentity);
    }

    /** Writes the plaintext of {@code agent}'s secret to {@code out}. */
    public long get(String agent, OutputStream out, Path otherIdentity) {
        Path file = secretFile(agent);
        if (!Files.isRegularFile(file)) {
            throw new OperationFailedException("no secret stored for " + agent + " (" + file + ")",
                    "store one with: ai-lab secrets set " + agent + " < FILE");
        }
        AgeIdentity identity = otherIdentity == null ? loadIdentity() : loadIdentity(otherIdentity);
        warnIfLoose(file);
        // Decrypt fully into memory first, so a damaged file writes nothing at all to out.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            long n = AgeCrypto.decrypt(file, identity, Channels.newChannel(buffer));
            buffer.writeTo(out);
            out.flush();
            return n;
        } catch (AgeCrypto.AgeDecryptException e) {
            throw new OperationFailedException("cannot decrypt " + file + ": " + e.getMessage(),
                    "check that the identity is the one the secret was encrypted to, or set the secret again");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            Plaintext.wipe(buffer);
        }
    }

    private void warnIfLoose(Path file) {
        try {
            if (Permissions.loose(file)) {
                warnings.accept(file + " has mode " + Permissions.mode(file) + "; it should be 0600 (run 'ai-lab secrets verify --fix')");
            }
        } catch (IOException ignored) {
            // the read below reports the problem
        }
    }

    /**
     * Re-encrypts every stored secret to a new identity (when {@code newIdentity}) and/or a new
     * set of extra recipients (when {@code recipients} is not null), all or nothing: every secret
     * is decrypted and re-encrypted into a staging folder and checked first; only then are the
     * files swapped, the old ones kept aside until every swap succeeded. A replaced identity is
     * kept as {@code identity-<time>.retired} so older backups stay readable.
     */
    public RotateResult rotate(boolean newIdentity, List<String> recipients) {
        return new SecretRotator(this, warnings, clock).rotate(newIdentity, recipients);
    }

    private static final class EmptySecretException extends IOException {
        EmptySecretException() {
            super("empty secret");
        }
    }
}
