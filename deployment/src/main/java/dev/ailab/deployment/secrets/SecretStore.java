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
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
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
 */
public final class SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(SecretStore.class);
    public static final String SUFFIX = ".age";
    public static final String RECIPIENTS_FILE = "recipients.txt";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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
            throw new OperationFailedException("cannot read age identity " + file + ": " + e.getMessage(), "check the file's owner and permissions", e);
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
        Path target = secretFile(agent);
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

    private static boolean isArmored(Path file) throws IOException {
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
        if (fix && Files.isRegularFile(identityFile)) {
            fixMode(identityFile);
        }
        AgeIdentity identity = otherIdentity == null ? loadIdentity() : loadIdentity(otherIdentity);
        List<SecretCheck> checks = new ArrayList<>();
        for (String agent : agents) {
            checks.add(check(agent, identity, fix));
        }
        return checks;
    }

    private void fixMode(Path file) {
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
        Path file = secretFile(agent);
        if (!Files.isRegularFile(file)) {
            return new SecretCheck(agent, file.toString(), SecretCheck.Status.missing, "no secret stored", false);
        }
        long length;
        try {
            length = AgeCrypto.decrypt(file, identity, DISCARD);
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
            wipe(buffer);
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
        AgeIdentity old = loadIdentity();
        AgeIdentity next = newIdentity ? AgeIdentity.generate() : old;
        List<String> extra = recipients == null ? extraRecipients() : recipients.stream().map(AgeCrypto::checkRecipient).toList();
        Set<String> all = new LinkedHashSet<>();
        all.add(next.recipient());
        all.addAll(extra);
        List<String> targetRecipients = List.copyOf(all);
        Set<String> agents = storedAgents();
        String stamp = STAMP.format(clock.instant());
        Path stage = secretsDir.resolve(".rotate-" + stamp);
        Path aside = secretsDir.resolve(".old-" + stamp);
        try {
            Permissions.ownerOnlyDirectory(stage);
            // 1. decrypt, re-encrypt and check every secret into the staging folder.
            for (String agent : agents) {
                Path file = secretFile(agent);
                boolean armored = isArmored(file);
                ByteArrayOutputStream plain = new ByteArrayOutputStream();
                try {
                    AgeCrypto.decrypt(file, old, Channels.newChannel(plain));
                } catch (AgeCrypto.AgeDecryptException e) {
                    throw new OperationFailedException("cannot rotate: " + file + " does not decrypt (" + e.getMessage() + "); nothing was changed",
                            "fix or set that secret again ('ai-lab secrets set " + agent + "'), then rotate");
                }
                byte[] digest = sha256(plain);
                Path staged = stage.resolve(agent + SUFFIX);
                AtomicFiles.write(staged, channel -> AgeCrypto.encrypt(new BufferChannel(plain), channel, targetRecipients, armored),
                        AtomicFiles.OWNER_ONLY);
                wipe(plain);
                ByteArrayOutputStream check = new ByteArrayOutputStream();
                AgeCrypto.decrypt(staged, next, Channels.newChannel(check));
                boolean same = MessageDigest.isEqual(digest, sha256(check));
                wipe(check);
                if (!same) {
                    throw new OperationFailedException("cannot rotate: the re-encrypted " + agent + " secret did not decrypt to the same value; nothing was changed", null);
                }
            }
            // 2. swap, keeping the old files aside until all succeeded.
            Permissions.ownerOnlyDirectory(aside);
            List<String> moved = new ArrayList<>();
            String retired = null;
            try {
                for (String agent : agents) {
                    Files.move(secretFile(agent), aside.resolve(agent + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
                    moved.add(agent);
                    Files.move(stage.resolve(agent + SUFFIX), secretFile(agent), StandardCopyOption.ATOMIC_MOVE);
                }
                if (recipients != null) {
                    StringBuilder text = new StringBuilder("# Extra age recipients every secret is encrypted to (written by 'ai-lab secrets rotate').\n");
                    extra.forEach(r -> text.append(r).append('\n'));
                    AtomicFiles.writeString(recipientsFile(), text.toString());
                }
                if (newIdentity) {
                    Path keep = identityFile.resolveSibling("identity-" + stamp + ".retired");
                    Files.copy(identityFile, keep, StandardCopyOption.COPY_ATTRIBUTES);
                    Permissions.ownerOnly(keep);
                    retired = keep.toString();
                    AtomicFiles.write(identityFile, next.fileText(clock.instant()).getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY);
                }
            } catch (IOException | RuntimeException e) {
                rollBack(agents, moved, aside);
                throw new OperationFailedException("cannot rotate: " + e.getMessage() + "; the old secrets were put back", null, e);
            }
            deleteTree(aside);
            LOG.info("rotated {} secrets to {} recipients{}", agents.size(), targetRecipients.size(), newIdentity ? " with a new identity" : "");
            return new RotateResult(List.copyOf(agents), next.recipient(), targetRecipients, retired);
        } catch (IOException e) {
            throw new OperationFailedException("cannot rotate: " + e.getMessage() + "; nothing was changed", null, e);
        } finally {
            deleteTree(stage);
        }
    }

    private void rollBack(Set<String> agents, List<String> moved, Path aside) {
        for (String agent : moved) {
            try {
                Files.move(aside.resolve(agent + SUFFIX), secretFile(agent), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                warnings.accept("could not put back " + agent + SUFFIX + "; the old file is in " + aside);
                return;
            }
        }
        deleteTree(aside);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static byte[] sha256(ByteArrayOutputStream bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            bytes.writeTo(new OutputStream() {
                @Override
                public void write(int b) {
                    md.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    md.update(b, off, len);
                }
            });
            return md.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Overwrites the buffer's internal array (reached through a fresh reset+write of zeros). */
    private static void wipe(ByteArrayOutputStream bytes) {
        int n = bytes.size();
        bytes.reset();
        bytes.write(new byte[n], 0, n);
        bytes.reset();
    }

    private static final WritableByteChannel DISCARD = new WritableByteChannel() {
        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    private static final class EmptySecretException extends IOException {
        EmptySecretException() {
            super("empty secret");
        }
    }

    /** Reads a ByteArrayOutputStream's content without copying it into a new array. */
    private static final class BufferChannel implements ReadableByteChannel {
        private final ReadableByteChannel delegate;

        BufferChannel(ByteArrayOutputStream bytes) throws IOException {
            // toByteArray copies once; the copy is wiped after reading.
            byte[] copy = bytes.toByteArray();
            this.delegate = Channels.newChannel(new java.io.ByteArrayInputStream(copy) {
                @Override
                public void close() {
                    Arrays.fill(copy, (byte) 0);
                }
            });
            this.copy = copy;
        }

        private final byte[] copy;

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = delegate.read(dst);
            if (n < 0) {
                Arrays.fill(copy, (byte) 0);
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() throws IOException {
            Arrays.fill(copy, (byte) 0);
            delegate.close();
        }
    }

    /** Passes a stream through, dropping one trailing "\n" or "\r\n" (what echo and editors add). */
    static final class TrailingNewlineDropper implements ReadableByteChannel {
        private final InputStream in;
        private final byte[] chunk = new byte[64 * 1024];
        private byte[] held = new byte[0];
        private boolean eof;
        private boolean open = true;

        TrailingNewlineDropper(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (eof) {
                return -1;
            }
            int max = Math.min(dst.remaining(), chunk.length - 2);
            int n = in.read(chunk, 2, Math.max(1, max));
            if (n < 0) {
                eof = true;
                int keep = held.length;
                if (keep > 0 && held[keep - 1] == '\n') {
                    keep--;
                    if (keep > 0 && held[keep - 1] == '\r') {
                        keep--;
                    }
                }
                dst.put(held, 0, keep);
                Arrays.fill(held, (byte) 0);
                return keep == 0 ? -1 : keep;
            }
            // Combine what was held back with the new bytes, then hold back the last two again.
            int total = held.length + n;
            byte[] all = new byte[total];
            System.arraycopy(held, 0, all, 0, held.length);
            System.arraycopy(chunk, 2, all, held.length, n);
            Arrays.fill(chunk, (byte) 0);
            Arrays.fill(held, (byte) 0);
            int release = Math.max(0, total - 2);
            dst.put(all, 0, release);
            held = Arrays.copyOfRange(all, release, total);
            Arrays.fill(all, (byte) 0);
            return release;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
