package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Where charts and templates come from: the internet, an airgapped mirror or archive, or a local path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourcesConfig {
    public Mode mode;
    /** Base URL or path of the git mirror (airgapped_git). */
    public String gitMirror;
    /** Path of the archive (airgapped_archive). */
    public String archive;
    /** Expected SHA-256 of the archive. */
    public String archiveSha256;
    /** Folder with charts and templates (local). */
    public String localPath;

    /** Deployment modes. */
    public enum Mode {
        @JsonProperty("internet") INTERNET,
        @JsonProperty("airgapped_git") AIRGAPPED_GIT,
        @JsonProperty("airgapped_archive") AIRGAPPED_ARCHIVE,
        @JsonProperty("local") LOCAL
    }
}
