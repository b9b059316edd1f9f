package dev.ailab.deployment.backup;

import dev.ailab.deployment.host.HostLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a host backup may hold, decided from the host's layout so that no caller can get it wrong:
 * never the age identity (its folder, the identity file however it is reached, the retired
 * identities kept by a rotation), never the backups themselves, never our own working files;
 * secrets only when asked for, and then only the encrypted files and the recipients list.
 */
final class BackupScope {
    /** What {@code SecretStore} names an identity replaced by a rotation, next to the identity file. */
    private static final Pattern RETIRED_IDENTITY = Pattern.compile("identity-.*\\.retired");

    private final Path baseDir;
    private final Path backupDir;
    private final Path secretsDir;
    private final Path out;
    private final boolean includeSecrets;
    private final Path identityFile;
    /** The identity's folder, left out whole; null when that folder holds the base folder itself. */
    private final Path identityDir;
    /** File keys (device and inode) of the identity and its folder: catches hard links and other spellings. */
    private final Set<Object> identityKeys = new HashSet<>();

    private BackupScope(HostLayout layout, boolean includeSecrets, Path out) {
        this.baseDir = normal(layout.baseDir());
        this.backupDir = normal(layout.backupDir());
        this.secretsDir = normal(layout.secretsDir());
        this.out = normal(out);
        this.includeSecrets = includeSecrets;
        this.identityFile = normal(layout.identityFile());
        Path dir = identityFile.getParent();
        this.identityDir = dir == null || baseDir.startsWith(dir) ? null : dir;
        addKey(identityFile);
        if (identityDir != null) {
            addKey(identityDir);
        }
    }

    /** The scope of one backup run; the identity is looked at now, so one created since the layout was read counts. */
    static BackupScope of(HostLayout layout, boolean includeSecrets, Path out) {
        return new BackupScope(layout, includeSecrets, out);
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private void addKey(Path p) {
        try {
            Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            if (key != null) {
                identityKeys.add(key);
            }
        } catch (IOException ignored) {
            // not there (yet): nothing of it can be backed up
        }
    }

    /** The identity under any name or link, its folder, and the retired identities next to it. */
    boolean isIdentity(Path p, BasicFileAttributes attrs) {
        Path abs = normal(p);
        if (abs.equals(identityFile) || (identityDir != null && abs.startsWith(identityDir))) {
            return true;
        }
        if (identityFile.getParent() != null && identityFile.getParent().equals(abs.getParent())
                && RETIRED_IDENTITY.matcher(abs.getFileName().toString()).matches()) {
            return true;
        }
        Object key = attrs == null ? null : attrs.fileKey();
        return key != null && identityKeys.contains(key);
    }

    /** Whether {@code p} (below the base folder, never the base folder itself) stays out of the backup. */
    boolean skip(Path p, BasicFileAttributes attrs) {
        Path abs = normal(p);
        if (abs.startsWith(backupDir) || abs.startsWith(out) || isIdentity(abs, attrs)) {
            return true;
        }
        String name = abs.getFileName().toString();
        if (name.startsWith(".restore-") || name.startsWith(".replaced-") || name.contains(".tmp-")) {
            return true; // our own working folders and temporary files
        }
        if (abs.startsWith(secretsDir)) {
            if (!includeSecrets) {
                return true;
            }
            if (abs.equals(secretsDir)) {
                return false;
            }
            // Only the encrypted secrets and the recipients list, never working folders.
            return !(abs.getParent().equals(secretsDir) && (name.endsWith(".age") || name.equals("recipients.txt")));
        }
        return false;
    }

    /** Whether the secrets can be part of this backup: asked for, inside the base folder, present. */
    boolean includesSecrets() {
        return includeSecrets && secretsDir.startsWith(baseDir) && Files.isDirectory(secretsDir);
    }

    boolean secretsOutsideBase() {
        return !secretsDir.startsWith(baseDir);
    }

    Path secretsDir() {
        return secretsDir;
    }
}
