package dev.ailab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where charts and templates come from: the internet, an airgapped mirror or archive, or a local path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourcesConfig {
    public Mode mode;
    /** URL of the git repository that mirrors the charts (airgapped_git). */
    public String gitMirror;
    /** Where a chart sits inside the git mirror; {chart} and {version} are replaced (airgapped_git). */
    public String gitPathScheme;
    /** Path of the bundle or archive that carries the charts (airgapped_archive). */
    public String archive;
    /** Expected SHA-256 of the archive. */
    public String archiveSha256;
    /** Folder with charts and templates (local). */
    public String localPath;
    /** Internal Helm chart repository or OCI registry the Applications use instead (any airgapped mode). */
    public String chartRepository;
    /** Internal image registry every image reference points at (every airgapped mode). */
    public String imageRegistry;

    /** The default of {@link #gitPathScheme}: one folder per chart and version. */
    public static final String DEFAULT_GIT_PATH_SCHEME = "charts/{chart}/{version}";

    /** Deployment modes. */
    public enum Mode {
        @JsonProperty("internet") INTERNET,
        @JsonProperty("airgapped_git") AIRGAPPED_GIT,
        @JsonProperty("airgapped_archive") AIRGAPPED_ARCHIVE,
        @JsonProperty("local") LOCAL;

        /** The word the config and the output use: {@code airgapped_git}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean airgapped() {
            return this != INTERNET;
        }
    }

    /** The mode-specific fields that are set, by their config key, in a fixed order. */
    public Map<String, String> modeFields() {
        Map<String, String> set = new LinkedHashMap<>();
        put(set, "git_mirror", gitMirror);
        put(set, "git_path_scheme", gitPathScheme);
        put(set, "archive", archive);
        put(set, "archive_sha256", archiveSha256);
        put(set, "local_path", localPath);
        put(set, "chart_repository", chartRepository);
        put(set, "image_registry", imageRegistry);
        return set;
    }

    /** Every host name the config names as a mirror (the only hosts airgapped output may name). */
    public List<String> mirrorUrls() {
        List<String> urls = new ArrayList<>();
        for (String u : new String[] {gitMirror, chartRepository, imageRegistry}) {
            if (u != null) {
                urls.add(u);
            }
        }
        return urls;
    }

    private static void put(Map<String, String> set, String key, String value) {
        if (value != null) {
            set.put(key, value);
        }
    }
}
