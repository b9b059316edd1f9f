package dev.ailab.cli;

import java.util.Calendar;
import java.util.Set;

/**
 * Starts, on a second thread, the slow first-use set-up of JDK services that a command is about
 * to need, while the main thread builds and parses the command line (two cores do both at once).
 * Each task only touches what the command would touch anyway, so nothing changes but the timing.
 */
final class WarmUp {
    private static final Set<String> HUB_GROUPS = Set.of("work", "idea", "session", "project", "db");
    private static final Set<String> CRYPTO_GROUPS = Set.of("secrets", "backup");

    private WarmUp() {
    }

    static void start(String[] args) {
        if (args.length == 0) {
            return;
        }
        Runnable task = null;
        if (HUB_GROUPS.contains(args[0])) {
            // sqlite-jdbc builds a date formatter for every connection; the first one loads the
            // JDK's calendar and locale data (about 0.05 s).
            task = Calendar::getInstance;
        } else if (CRYPTO_GROUPS.contains(args[0])) {
            // age needs X25519 and ChaCha20-Poly1305: the first look-up starts the JDK's
            // security providers and the JCE policy (about 0.06 s).
            task = WarmUp::cryptoProviders;
        }
        if (task != null) {
            Thread thread = new Thread(task, "warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void cryptoProviders() {
        try {
            java.security.KeyFactory.getInstance("X25519");
            java.security.KeyPairGenerator.getInstance("X25519");
            javax.crypto.KeyAgreement.getInstance("X25519");
            javax.crypto.Cipher.getInstance("ChaCha20-Poly1305");
            javax.crypto.Mac.getInstance("HmacSHA256");
        } catch (java.security.GeneralSecurityException e) {
            // the command itself will report what is missing
        }
    }
}
