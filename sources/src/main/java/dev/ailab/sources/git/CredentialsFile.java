package dev.ailab.sources.git;

import dev.ailab.core.error.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The HTTPS tokens file, {@code $XDG_CONFIG_HOME/ai-config/credentials}: one remote host a line,
 * {@code HOST TOKEN} (user name {@code git}) or {@code HOST USER TOKEN}, fields separated by
 * blanks, {@code #} starting a comment line. The host is compared without regard to case.
 *
 * <p>The file holds secrets, so it must be private (mode 0600): when its group or other users
 * may read it, its tokens are refused with a hint to {@code chmod 600}, rather than used.
 */
public final class CredentialsFile {
    /** Where the file lives under the user's config folder ({@code $XDG_CONFIG_HOME}). */
    public static final String RELATIVE_PATH = "ai-config/credentials";

    private final Path file;

    public CredentialsFile(Path file) {
        this.file = file;
    }

    /** The credentials file of the user whose config folder is {@code configHome}. */
    public static CredentialsFile in(Path configHome) {
        return new CredentialsFile(configHome.resolve(RELATIVE_PATH));
    }

    public Path file() {
        return file;
    }

    /** One line's user name and token. */
    public record Credential(String username, String token) {
        @Override
        public String toString() {
            return "Credential[username=" + username + ", token=***]";
        }
    }

    /**
     * The credential for the host of {@code url}, or null when the file is missing or unreadable,
     * the URL has no host, or no line names that host.
     *
     * @throws InvalidInputException when the file is readable by its group or by other users
     */
    public Credential find(String url) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) {
            return null;
        }
        try {
            checkPrivate();
            for (String line : Files.readAllLines(file)) {
                String[] f = line.strip().split("\\s+");
                if (line.strip().startsWith("#") || f.length < 2 || !f[0].equalsIgnoreCase(host)) {
                    continue;
                }
                return f.length >= 3 ? new Credential(f[1], f[2]) : new Credential("git", f[1]);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        return null;
    }

    /** The 0600 rule: fails when the group or other users may read the file. */
    private void checkPrivate() throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw new InvalidInputException(file + " is readable by other users; refusing to use its tokens",
                    "chmod 600 " + file);
        }
    }
}
