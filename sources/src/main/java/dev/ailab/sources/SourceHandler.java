package dev.ailab.sources;

import java.nio.file.Path;

/**
 * Brings a source (a git repository, an archive, a file over HTTP, a local folder) to a folder
 * or file on this machine. The deployment modes (internet, airgapped git mirror, airgapped
 * archive, local) and ai-config's library all go through one of these.
 */
public interface SourceHandler {
    /** Short name of the kind of source: {@code git}, {@code archive}, {@code network}, {@code local}. */
    String kind();

    /** True when this handler understands {@code location} (a URL or a path). */
    boolean supports(String location);

    /**
     * Makes {@code target} hold the source at the requested revision: a first call creates it,
     * later calls update it. Returns what is now present.
     */
    SourceRevision materialize(SourceRequest request, Path target);

    /**
     * What to fetch. {@code revision} is a branch or tag (null: the source's default);
     * {@code sha256} the pinned digest the fetched bytes must have (null: not pinned).
     */
    record SourceRequest(String location, String revision, int depth, String sha256) {
        public SourceRequest(String location, String revision, int depth) {
            this(location, revision, depth, null);
        }

        public static SourceRequest pinned(String location, String sha256) {
            return new SourceRequest(location, null, 0, sha256);
        }
    }

    /**
     * What was brought, for the audit line and {@code -o json}: the resolved revision (for git a
     * commit id, otherwise the content's SHA-256), a one-line summary, where it came from, how
     * many bytes were read (-1: not counted) and the SHA-256 of those bytes (null: not one file).
     */
    record SourceRevision(String id, String summary, String location, long bytes, String sha256) {
        public SourceRevision(String id, String summary) {
            this(id, summary, null, -1, null);
        }

        /** {@code kind location bytes sha256}: one line, the same shape for every handler. */
        public String auditLine(String kind) {
            return kind + " " + location + " " + (bytes < 0 ? "-" : Long.toString(bytes)) + " " + (sha256 == null ? id : sha256);
        }
    }
}
