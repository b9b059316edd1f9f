package dev.ailab.deployment.secrets;

import java.time.Instant;

/** What may be shown of a secret: never its value. */
public record SecretInfo(String agent, String file, long size, Instant modified, String mode, boolean armored) {
}
