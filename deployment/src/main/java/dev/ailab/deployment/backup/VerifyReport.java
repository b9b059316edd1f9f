package dev.ailab.deployment.backup;

import java.util.List;

/** The result of checking an archive against its checksum file and its manifest. */
public record VerifyReport(String file, int formatVersion, String createdAt, int entriesChecked, boolean checksumFileChecked,
                           List<String> problems) {
    public boolean ok() {
        return problems.isEmpty();
    }
}
