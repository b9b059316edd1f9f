package dev.ailab.sources.library;

import java.util.List;

/**
 * What an update (or rollback) found and did.
 *
 * @param from       commit before
 * @param to         commit after (or that would be applied, in a dry run)
 * @param commits    number of commits in the range
 * @param added      files added upstream
 * @param modified   files modified upstream
 * @param deleted    files deleted upstream
 * @param shadowed   changed library files that a personal file overrides ("upstream changed a file you override")
 * @param keptEdits  local edits in library/ that were kept
 * @param conflicts  files with local edits that changed upstream too (only in a dry run: a real run stops)
 * @param applied    false for a dry run or when there was nothing to do
 * @param backupRef  the git ref holding the version before, when something was applied
 * @param version    number of the version recorded in the log, 0 when none
 */
public record UpdateReport(String action, String from, String to, int commits, List<String> added, List<String> modified,
                           List<String> deleted, List<String> shadowed, List<String> keptEdits, List<String> conflicts, boolean applied,
                           String backupRef, int version) {

    public boolean upToDate() {
        return from.equals(to);
    }

    public int changedFiles() {
        return added.size() + modified.size() + deleted.size();
    }

    public String range() {
        return shortId(from) + ".." + shortId(to);
    }

    static String shortId(String id) {
        return id == null ? "" : id.substring(0, Math.min(10, id.length()));
    }
}
