package dev.ailab.cli;

import java.security.GeneralSecurityException;
import java.util.Calendar;
import java.util.Map;

/**
 * Starts, on a second thread, the slow first-use set-up of a JDK service that the command is
 * about to need, while the main thread builds and parses the command line (two cores do both at
 * once). Each task only touches what the command would touch anyway, so nothing changes but the
 * timing. Keyed by the first word of the command line, across the three fronts.
 */
public final class WarmUp {
    /**
     * sqlite-jdbc builds a date formatter for every connection, and the first one loads the JDK's
     * calendar and locale data (about 0.05 s).
     */
    private static final Runnable CALENDAR = Calendar::getInstance;
    /**
     * age needs X25519 and ChaCha20-Poly1305 (SOPS files also AES-GCM and SHA-512): the first
     * look-up starts the JDK's providers and JCE policy.
     */
    private static final Runnable AGE_CRYPTO = WarmUp::ageCrypto;
    /** File hashes: the first digest registers the JDK's default provider (about 0.015 s). */
    private static final Runnable SHA_256 = WarmUp::sha256;
    /**
     * create-project: while the main thread builds the command model (about 0.1 s of picocli
     * reflection), this one loads and starts what the render does next: the YAML parser for the
     * manifest, SHA-256 (hashed over a few pages, so the compiler has its loop ready), and the
     * zip writer of the update snapshot.
     */
    private static final Runnable SCAFFOLD = WarmUp::scaffold;

    private static final Map<String, Runnable> TASKS = Map.ofEntries(
            Map.entry("work", CALENDAR), Map.entry("idea", CALENDAR), Map.entry("session", CALENDAR),
            Map.entry("project", CALENDAR), Map.entry("db", CALENDAR),
            Map.entry("secrets", AGE_CRYPTO), Map.entry("backup", AGE_CRYPTO),
            Map.entry("create-project", SCAFFOLD), Map.entry("library", SHA_256), Map.entry("health", SHA_256),
            Map.entry("init", SHA_256));

    private WarmUp() {
    }

    public static void start(String[] args) {
        Runnable task = args.length == 0 ? null : TASKS.get(args[0]);
        if (task != null) {
            Thread thread = new Thread(task, "warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void sha256() {
        try {
            java.security.MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            // the command itself will report it
        }
    }

    private static void scaffold() {
        try {
            dev.ailab.core.template.YamlText.parse("name: warm-up\nquestions:\n  - { name: a, default: \"b\" }\n",
                    java.nio.file.Path.of("warm-up.yaml"));
            byte[] page = new byte[32 * 1024];
            dev.ailab.core.io.Sha256.of(page);
            dev.ailab.core.template.update.Snapshot.write(Map.of("warm-up.txt", page));
        } catch (RuntimeException e) {
            // only timing is at stake: the command meets and reports any real problem itself
        }
    }

    private static void ageCrypto() {
        try {
            java.security.MessageDigest.getInstance("SHA-256");
            java.security.KeyFactory.getInstance("X25519");
            java.security.KeyPairGenerator.getInstance("X25519");
            javax.crypto.KeyAgreement.getInstance("X25519");
            javax.crypto.Cipher.getInstance("ChaCha20-Poly1305");
            javax.crypto.Mac.getInstance("HmacSHA256");
            // vectorweight's SOPS files: AES-256-GCM per value, SHA-512 for the MAC
            javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            java.security.MessageDigest.getInstance("SHA-512");
        } catch (GeneralSecurityException e) {
            // the command itself will report what is missing
        }
    }
}
