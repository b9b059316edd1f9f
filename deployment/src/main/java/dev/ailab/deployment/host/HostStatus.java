package dev.ailab.deployment.host;

import java.util.List;

/** Everything {@code deploy status} found, with the state it sums up to and the next command to run. */
public record HostStatus(HostState state, String reason, String next, Layout layout, Identity identity, Podman podman,
                         List<Agent> agents, Backup lastBackup, List<String> warnings) {

    /** The folders and whether they exist. */
    public record Layout(String baseDir, boolean baseDirExists, String secretsDir, String backupDir) {
    }

    /** The host's age identity. */
    public record Identity(String file, boolean present, String mode, String recipient) {
    }

    /** Podman and the pod. */
    public record Podman(boolean installed, String executable, String version, String pod, boolean podExists, String podStatus) {
    }

    /** One agent: its secret and its container. */
    public record Agent(String name, String secret, String secretDetail, String container, String containerState,
                        Long uptimeSeconds, Integer restartCount) {
    }

    /** The newest backup. */
    public record Backup(String file, String createdAt, long ageSeconds) {
    }
}
