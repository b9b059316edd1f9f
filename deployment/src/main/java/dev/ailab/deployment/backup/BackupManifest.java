package dev.ailab.deployment.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The first entry of every backup archive: what the backup holds, each entry's type, mode,
 * size and SHA-256. {@link #formatVersion} tells readers whether they understand the rest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupManifest {
    public int formatVersion;
    public String createdAt;
    public String tool;
    public String baseDir;
    public boolean includesSecrets;
    public List<Entry> entries = new ArrayList<>();

    /** One archive entry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Entry {
        public String path;
        /** file, dir or symlink. */
        public String type;
        /** Permission bits, octal, such as 0644. */
        public String mode;
        public long size;
        public String sha256;
        public String linkTarget;
        public long mtime;

        public Entry() {
        }

        Entry(String path, String type, String mode, long size, String sha256, String linkTarget, long mtime) {
            this.path = path;
            this.type = type;
            this.mode = mode;
            this.size = size;
            this.sha256 = sha256;
            this.linkTarget = linkTarget;
            this.mtime = mtime;
        }
    }
}
