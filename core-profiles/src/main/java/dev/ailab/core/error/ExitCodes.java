package dev.ailab.core.error;

/** The documented exit codes shared by the three fronts. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The operation failed for a reason the user can fix. */
    public static final int FAILED = 1;
    /** Bad usage or invalid input. */
    public static final int USAGE = 2;
    /** An external system failed: git remote, GitHub, podman, database. */
    public static final int EXTERNAL = 3;
    /** An internal bug. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
