package dev.ailab.deployment.state;

/**
 * One output file in a plan. {@code wanted} is null when the file is no longer produced;
 * {@code current} is null when the file is not on disk.
 */
public record FileChange(String path, FileAction action, byte[] current, byte[] wanted) {
    /** True for a conflict on a file that is no longer produced (a stale file edited by hand). */
    public boolean stale() {
        return wanted == null;
    }
}
