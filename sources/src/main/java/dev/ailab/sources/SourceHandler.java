package dev.ailab.sources;

import java.nio.file.Path;

/**
 * Brings a source (a git repository, an archive, a local folder) to a folder on this machine.
 * The deployment modes (internet, airgapped git mirror, airgapped archive, local) and
 * ai-config's library all go through one of these.
 */
public interface SourceHandler {
    /** Short name of the kind of source: {@code git}, {@code archive}, {@code local}. */
    String kind();

    /** True when this handler understands {@code location} (a URL or a path). */
    boolean supports(String location);

    /**
     * Makes {@code target} hold the source at the requested revision: a first call creates it,
     * later calls update it. Returns the revision now present.
     */
    SourceRevision materialize(SourceRequest request, Path target);

    /** What to fetch. {@code revision} is a branch or tag (null: the source's default). */
    record SourceRequest(String location, String revision, int depth) {
    }

    /** What was brought: the resolved revision (for git, a commit id) and a one-line summary. */
    record SourceRevision(String id, String summary) {
    }
}
