package dev.ailab.deployment.secrets;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.bech32.Bech32;
import com.exceptionfactory.jagged.bech32.Bech32Address;
import com.exceptionfactory.jagged.x25519.X25519KeyFactory;
import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import dev.ailab.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.crypto.spec.SecretKeySpec;

/**
 * An age X25519 identity ({@code AGE-SECRET-KEY-1...}) with its recipient ({@code age1...}).
 * The file form is the one {@code age-keygen} writes, so {@code age -d -i FILE} reads it.
 * {@link #toString()} never shows the secret key.
 */
public final class AgeIdentity {
    private static final String PREFIX = "AGE-SECRET-KEY-1";
    private final String secretKey;
    /** Derived on first use: a point multiplication that decrypting does not need. */
    private String recipient;

    private AgeIdentity(String secretKey, String recipient) {
        this.secretKey = secretKey;
        this.recipient = recipient;
    }

    /** A new random identity. */
    public static AgeIdentity generate() {
        try {
            KeyPair pair = new X25519KeyPairGenerator().generateKeyPair();
            return new AgeIdentity(pair.getPrivate().toString(), pair.getPublic().toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 key generation is not available: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the identity from the text of an identity file: comment lines start with '#', the
     * first {@code AGE-SECRET-KEY-1} line is the key. {@code source} names the file in errors.
     */
    public static AgeIdentity parse(String text, String source) {
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.toUpperCase(java.util.Locale.ROOT).startsWith(PREFIX)) {
                return fromSecretKey(trimmed.toUpperCase(java.util.Locale.ROOT), source);
            }
            throw new InvalidInputException(source + ": not an age X25519 identity file (a line is neither a comment nor AGE-SECRET-KEY-1...)",
                    "point to a file made by 'ai-lab secrets init' or 'age-keygen'");
        }
        throw new InvalidInputException(source + ": holds no AGE-SECRET-KEY-1 line",
                "point to a file made by 'ai-lab secrets init' or 'age-keygen'");
    }

    /** Checks the key's Bech32 form (checksum, prefix, 32 bytes); the recipient is derived later. */
    private static AgeIdentity fromSecretKey(String key, String source) {
        byte[] data = null;
        try {
            Bech32Address address = Bech32.getDecoder().decode(key);
            data = address.getData();
            if (!"AGE-SECRET-KEY-".equalsIgnoreCase(address.getHumanReadablePart().toString()) || data.length != 32) {
                throw new IllegalArgumentException("not an X25519 secret key");
            }
            return new AgeIdentity(key, null);
        } catch (RuntimeException e) {
            // The library's message may quote the key: never pass it on.
            throw damaged(source);
        } finally {
            if (data != null) {
                java.util.Arrays.fill(data, (byte) 0);
            }
        }
    }

    private static InvalidInputException damaged(String source) {
        return new InvalidInputException(source + ": the AGE-SECRET-KEY-1 line is damaged (bad Bech32 encoding or length)",
                "restore the identity file from a safe copy");
    }

    /** The public recipient, {@code age1...}. */
    public synchronized String recipient() {
        if (recipient == null) {
            byte[] bytes = secretKey.getBytes(StandardCharsets.US_ASCII);
            try {
                recipient = new X25519KeyFactory().translateKey(new SecretKeySpec(bytes, "X25519")).toString();
            } catch (GeneralSecurityException | RuntimeException e) {
                throw damaged("the age identity");
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        }
        return recipient;
    }

    RecipientStanzaReader stanzaReader() throws GeneralSecurityException {
        return X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(secretKey);
    }

    /** The identity file text, as {@code age-keygen} writes it. */
    public String fileText(Instant created) {
        return "# created: " + created.truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "# public key: " + recipient + "\n"
                + secretKey + "\n";
    }

    @Override
    public String toString() {
        return "AgeIdentity[" + recipient() + "]";
    }
}
