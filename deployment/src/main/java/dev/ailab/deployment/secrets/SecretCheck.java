package dev.ailab.deployment.secrets;

/** The result of checking one secret: exists, permissions right, decrypts. */
public record SecretCheck(String agent, String file, Status status, String message, boolean fixed) {
    /** Outcome of one check, worst last. */
    public enum Status { ok, loose_permissions, missing, empty, undecryptable }

    public boolean ok() {
        return status == Status.ok;
    }
}
