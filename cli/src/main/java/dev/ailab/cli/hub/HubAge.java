package dev.ailab.cli.hub;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import dev.ailab.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Small age (X25519) encrypt/decrypt for database backups, through jagged. The deployment module
 * has the full age-secrets feature; this is the minimum the hub needs (dedup candidate).
 */
final class HubAge {
    private HubAge() {
    }

    static void checkRecipient(String recipient) {
        if (recipient == null || !recipient.startsWith("age1")) {
            throw new InvalidInputException("invalid age recipient '" + recipient + "'",
                    "give an X25519 public key starting with age1 (see 'age-keygen -y KEYFILE')");
        }
        try {
            X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient);
        } catch (GeneralSecurityException | RuntimeException e) {
            // jagged's words ("Bech32 Part Separator [1] position [3] found in checksum") say nothing to a person.
            throw new InvalidInputException("invalid age recipient '" + recipient + "': the key is damaged (its length or checksum is wrong)",
                    "give an X25519 public key starting with age1 (see 'age-keygen -y KEYFILE')");
        }
    }

    static OutputStream encrypt(OutputStream out, String recipient) throws IOException {
        try {
            return Channels.newOutputStream(new StandardEncryptingChannelFactory().newEncryptingChannel(
                    Channels.newChannel(out), List.of(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient))));
        } catch (GeneralSecurityException e) {
            throw new IOException("age encryption failed: " + e.getMessage(), e);
        }
    }

    /** Reads AGE-SECRET-KEY-1... lines from an identity file (age-keygen's format). */
    static InputStream decrypt(InputStream in, Path identityFile) throws IOException {
        if (!Files.isRegularFile(identityFile)) {
            throw new InvalidInputException("no such identity file: " + identityFile, "give the age key file that matches the backup's recipient");
        }
        List<RecipientStanzaReader> readers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(identityFile)) {
                String t = line.trim();
                if (t.startsWith("AGE-SECRET-KEY-1")) {
                    readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(t));
                }
            }
            if (readers.isEmpty()) {
                throw new InvalidInputException("no AGE-SECRET-KEY line in " + identityFile, "give a file made by age-keygen");
            }
            return Channels.newInputStream(new StandardDecryptingChannelFactory().newDecryptingChannel(Channels.newChannel(in), readers));
        } catch (GeneralSecurityException e) {
            throw new IOException("age decryption failed: " + e.getMessage(), e);
        }
    }

}
