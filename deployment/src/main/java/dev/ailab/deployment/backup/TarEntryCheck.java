package dev.ailab.deployment.backup;

import dev.ailab.core.io.ArchivePaths;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Which tar entries a backup may hold: the shared path rules of {@link ArchivePaths}, plus the
 * tar entry types a restore never creates (devices, FIFOs, hard links) and links leaving the root.
 */
final class TarEntryCheck {
    private TarEntryCheck() {
    }

    /** Why an entry may not be restored, or null when it may. */
    static String unsafe(TarArchiveEntry t) {
        String bad = ArchivePaths.unsafeName(t.getName());
        if (bad != null) {
            return bad;
        }
        if (t.isCharacterDevice() || t.isBlockDevice()) {
            return "device file";
        }
        if (t.isFIFO()) {
            return "FIFO";
        }
        if (t.isLink()) {
            return "hard link" + (ArchivePaths.unsafeName(t.getLinkName()) != null ? " pointing outside" : " (not supported)");
        }
        if (t.isSymbolicLink()) {
            if (ArchivePaths.linkLeaves(t.getName(), t.getLinkName())) {
                return "symbolic link pointing outside (" + t.getLinkName() + ")";
            }
            return null;
        }
        if (!t.isDirectory() && !t.isFile()) {
            return "unsupported entry type";
        }
        return null;
    }
}
