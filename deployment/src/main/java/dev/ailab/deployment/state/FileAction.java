package dev.ailab.deployment.state;

/** What applying a plan does to one output file. */
public enum FileAction {
    /** Not on disk yet: will be written. */
    CREATE,
    /** On disk as we last wrote it, new content differs: will be rewritten. */
    UPDATE,
    /** On disk with exactly the wanted content: left alone (not even touched). */
    UNCHANGED,
    /** No longer produced and unchanged since we wrote it: will be deleted. */
    DELETE,
    /** Edited by hand since we wrote it (or never written by us): kept unless forced. */
    CONFLICT,
    /** No longer produced and already gone from disk: only dropped from the state. */
    FORGET;

    /** Whether applying the plan changes the file on disk. */
    public boolean changesDisk() {
        return this == CREATE || this == UPDATE || this == DELETE;
    }
}
