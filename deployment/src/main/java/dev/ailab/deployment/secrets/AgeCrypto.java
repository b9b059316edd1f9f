package dev.ailab.deployment.secrets;

import com.exceptionfactory.jagged.DecryptingChannelFactory;
import com.exceptionfactory.jagged.EncryptingChannelFactory;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.armor.ArmoredEncryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import dev.ailab.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** age encryption and decryption (X25519 recipients, binary or armored) over channels, streaming. */
public final class AgeCrypto {
    static final String ARMOR_HEADER = "-----BEGIN AGE ENCRYPTED FILE-----";
    private static final Pattern RECIPIENT = Pattern.compile("age1[02-9ac-hj-np-z]{58}");
    private static final int BUFFER = 64 * 1024;

    private AgeCrypto() {
    }

    /** Checks the form of an {@code age1...} recipient; exit 2 when it is wrong. */
    public static String checkRecipient(String recipient) {
        String r = recipient == null ? "" : recipient.strip();
        if (!RECIPIENT.matcher(r).matches()) {
            throw new InvalidInputException("'" + abbreviate(r) + "' is not an age X25519 recipient",
                    "a recipient looks like age1 followed by 58 letters and digits (see 'age-keygen -y KEYFILE')");
        }
        return r;
    }

    private static String abbreviate(String s) {
        // A pasted secret key must not be echoed whole.
        return s.length() > 12 ? s.substring(0, 8) + "…" : s;
    }

    /** Encrypts everything {@code in} gives to {@code recipients}, writing the age file to {@code out}. */
    public static long encrypt(ReadableByteChannel in, WritableByteChannel out, Collection<String> recipients, boolean armor)
            throws IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no recipients");
        }
        List<RecipientStanzaWriter> writers = new ArrayList<>();
        try {
            for (String r : recipients) {
                writers.add(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(checkRecipient(r)));
            }
            EncryptingChannelFactory factory = armor ? new ArmoredEncryptingChannelFactory() : new StandardEncryptingChannelFactory();
            long total = 0;
            try (WritableByteChannel enc = factory.newEncryptingChannel(new NonClosing(out), writers)) {
                ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
                while (in.read(buffer) >= 0) {
                    buffer.flip();
                    total += buffer.remaining();
                    while (buffer.hasRemaining()) {
                        enc.write(buffer);
                    }
                    buffer.clear();
                }
                wipe(buffer);
            }
            return total;
        } catch (GeneralSecurityException e) {
            throw new IOException("age encryption failed: " + e.getMessage(), e);
        }
    }

    /** Encrypts a byte array (for tests and small values). */
    public static byte[] encrypt(byte[] plain, Collection<String> recipients, boolean armor) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        encrypt(java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(plain)),
                java.nio.channels.Channels.newChannel(bytes), recipients, armor);
        return bytes.toByteArray();
    }

    /**
     * Decrypts the age file at {@code file} (binary or armored, detected) with {@code identity},
     * writing the plaintext to {@code out}. Returns the plaintext length.
     *
     * @throws AgeDecryptException when the identity does not match or the file is damaged
     */
    public static long decrypt(Path file, AgeIdentity identity, WritableByteChannel out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            boolean armored = isArmored(channel);
            channel.position(0);
            return decrypt(channel, armored, identity, out);
        }
    }

    /** Decrypts an age message held in memory (binary or armored, detected), such as a SOPS data key. */
    public static byte[] decrypt(byte[] encrypted, AgeIdentity identity) throws IOException {
        boolean armored = new String(encrypted, 0, Math.min(encrypted.length, ARMOR_HEADER.length()),
                java.nio.charset.StandardCharsets.US_ASCII).equals(ARMOR_HEADER);
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        decrypt(java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(encrypted)), armored, identity,
                java.nio.channels.Channels.newChannel(plain));
        return plain.toByteArray();
    }

    private static long decrypt(ReadableByteChannel channel, boolean armored, AgeIdentity identity, WritableByteChannel out)
            throws IOException {
        DecryptingChannelFactory factory = armored ? new ArmoredDecryptingChannelFactory() : new StandardDecryptingChannelFactory();
        ReadableByteChannel dec;
        try {
            dec = factory.newDecryptingChannel(channel, List.of(identity.stanzaReader()));
        } catch (GeneralSecurityException e) {
            throw new AgeDecryptException(describe(e, true), e);
        } catch (IOException e) {
            throw new AgeDecryptException("not a valid age file (" + safe(e) + ")", e);
        }
        long total = 0;
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (dec.read(buffer) >= 0) {
                buffer.flip();
                total += buffer.remaining();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            if (e instanceof java.nio.channels.ClosedChannelException) {
                throw e;
            }
            throw new AgeDecryptException("the encrypted payload is damaged or truncated (" + safe(e) + ")", e);
        } finally {
            wipe(buffer);
        }
        return total;
    }

    private static boolean isArmored(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(ARMOR_HEADER.length());
        while (head.hasRemaining() && channel.read(head) >= 0) {
            // fill
        }
        head.flip();
        return StandardCharsets.US_ASCII.decode(head).toString().equals(ARMOR_HEADER);
    }

    private static String describe(GeneralSecurityException e, boolean header) {
        if (e instanceof com.exceptionfactory.jagged.UnsupportedRecipientStanzaException) {
            return "no identity given matches any recipient of the file (wrong identity?)";
        }
        return (header ? "the file header does not verify" : "decryption failed") + " (" + safe(e) + ")";
    }

    private static String safe(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("AGE-SECRET-KEY-1[0-9A-Z]+", "AGE-SECRET-KEY-1…");
    }

    static void wipe(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            java.util.Arrays.fill(buffer.array(), (byte) 0);
        }
    }

    /** Decryption failed: the identity does not match, or the file is damaged. */
    public static final class AgeDecryptException extends IOException {
        AgeDecryptException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Keeps the encrypting channel's close (which writes the last chunk) from closing the target. */
    private record NonClosing(WritableByteChannel target) implements WritableByteChannel {
        @Override
        public int write(ByteBuffer src) throws IOException {
            return target.write(src);
        }

        @Override
        public boolean isOpen() {
            return target.isOpen();
        }

        @Override
        public void close() {
            // the caller closes the target
        }
    }
}
