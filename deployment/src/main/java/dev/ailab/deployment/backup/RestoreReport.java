package dev.ailab.deployment.backup;

import java.util.List;

/** What a restore did, or with {@code dryRun} would do. {@code keptAside} holds what was replaced. */
public record RestoreReport(String file, String target, boolean dryRun, List<String> created, List<String> replaced,
                            int unchanged, String keptAside) {
}
