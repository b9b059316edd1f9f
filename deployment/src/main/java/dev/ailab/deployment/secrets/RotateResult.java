package dev.ailab.deployment.secrets;

import java.util.List;

/** What {@code secrets rotate} did. */
public record RotateResult(List<String> agents, String recipient, List<String> recipients, String retiredIdentity) {
}
