package dev.ailab.sources.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folders that the user's sync tools already share, as places for {@code personal/}: Syncthing's
 * folders (its {@code config.xml}), Nextcloud's synced folders ({@code nextcloud.cfg}) and
 * mounted network shares (CIFS/SMB, NFS, SSHFS in {@code /proc/mounts}). Only reads files; a
 * tool that is not there, or a file it cannot read, gives no candidates. The team sync the
 * library's design leaves to these tools.
 */
public final class SyncFolders {
    /** One place {@code personal/} could live: {@code folder} is shared by {@code tool}. */
    public record Candidate(String tool, Path folder, Path suggested) {
    }

    /** Sub-folder proposed inside a shared folder. */
    static final String SUBFOLDER = "ai-config-personal";
    private static final Pattern SYNCTHING_FOLDER = Pattern.compile("<folder\\b[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(path|label)=\"([^\"]*)\"");
    private static final Pattern NEXTCLOUD_PATH = Pattern.compile("(?m)^\\d+\\\\Folders\\\\\\d+\\\\localPath=(.+)$");
    private static final Set<String> NETWORK_TYPES = Set.of("cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "davfs",
            "fuse.rclone");

    private final Path home;
    private final Path configHome;
    private final Path stateHome;
    private final Path mounts;

    SyncFolders(Path home, Path configHome, Path stateHome, Path mounts) {
        this.home = home;
        this.configHome = configHome;
        this.stateHome = stateHome;
        this.mounts = mounts;
    }

    /** From the environment's HOME and XDG folders, with the system's mount table. */
    public static SyncFolders from(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path config = env.containsKey("XDG_CONFIG_HOME") ? Path.of(env.get("XDG_CONFIG_HOME")) : home.resolve(".config");
        Path state = env.containsKey("XDG_STATE_HOME") ? Path.of(env.get("XDG_STATE_HOME")) : home.resolve(".local/state");
        return new SyncFolders(home, config, state, Path.of("/proc/mounts"));
    }

    /** Every candidate found, Syncthing first, then Nextcloud, then network shares; no folder twice. */
    public List<Candidate> find() {
        List<Candidate> all = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path config : List.of(stateHome.resolve("syncthing/config.xml"), configHome.resolve("syncthing/config.xml"))) {
            for (Path folder : syncthingFolders(read(config))) {
                add(all, seen, "Syncthing", folder);
            }
        }
        String nextcloud = read(configHome.resolve("Nextcloud/nextcloud.cfg"));
        Matcher m = NEXTCLOUD_PATH.matcher(nextcloud);
        while (m.find()) {
            add(all, seen, "Nextcloud", Path.of(m.group(1).strip()));
        }
        for (String line : read(mounts).split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 3 && NETWORK_TYPES.contains(f[2])) {
                add(all, seen, "network share (" + f[2] + ")", Path.of(f[1].replace("\\040", " ")));
            }
        }
        return all;
    }

    private static List<Path> syncthingFolders(String xml) {
        List<Path> folders = new ArrayList<>();
        Matcher tag = SYNCTHING_FOLDER.matcher(xml);
        while (tag.find()) {
            Matcher a = ATTRIBUTE.matcher(tag.group());
            while (a.find()) {
                if (a.group(1).equals("path") && !a.group(2).isBlank()) {
                    folders.add(Path.of(unescape(a.group(2))));
                }
            }
        }
        return folders;
    }

    private static String unescape(String xml) {
        return xml.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private void add(List<Candidate> all, Set<Path> seen, String tool, Path folder) {
        Path f = folder.startsWith("~") ? home.resolve(folder.toString().substring(1).replaceFirst("^/", "")) : folder;
        f = f.toAbsolutePath().normalize();
        if (seen.add(f) && Files.isDirectory(f)) {
            all.add(new Candidate(tool, f, f.resolve(SUBFOLDER)));
        }
    }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException | RuntimeException e) {
            return ""; // an unreadable config is a tool we cannot use
        }
    }
}
