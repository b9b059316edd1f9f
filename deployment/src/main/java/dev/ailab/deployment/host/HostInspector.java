package dev.ailab.deployment.host;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.deployment.backup.BackupService;
import dev.ailab.deployment.podman.ContainerInfo;
import dev.ailab.deployment.podman.PodInfo;
import dev.ailab.deployment.podman.Podman;
import dev.ailab.deployment.secrets.Permissions;
import dev.ailab.deployment.secrets.SecretCheck;
import dev.ailab.deployment.secrets.SecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detects the state of a host from what is really there: folders, identity, secrets that decrypt,
 * podman, the pod and each agent's container, the last backup. The rules, first match wins:
 * <ol>
 * <li>not-installed: the base folder, the age identity or podman is missing;</li>
 * <li>needs-secrets: an agent's secret is missing or does not decrypt;</li>
 * <li>stopped: the pod is missing or no agent container runs;</li>
 * <li>degraded: some agent containers run, not all;</li>
 * <li>running: every agent container runs.</li>
 * </ol>
 */
public final class HostInspector {
    /** A backup older than this is pointed out. */
    public static final Duration BACKUP_AGE_WARNING = Duration.ofDays(7);

    private final HostLayout layout;
    private final SecretStore secrets;
    private final BackupService backups;
    private final Optional<Podman> podman;

    public HostInspector(HostLayout layout, SecretStore secrets, BackupService backups, Optional<Podman> podman) {
        this.layout = layout;
        this.secrets = secrets;
        this.backups = backups;
        this.podman = podman;
    }

    public HostStatus inspect(Instant now) {
        List<String> warnings = new ArrayList<>();
        boolean baseExists = Files.isDirectory(layout.baseDir());
        HostStatus.Layout lay = new HostStatus.Layout(layout.baseDir().toString(), baseExists, layout.secretsDir().toString(),
                layout.backupDir().toString());
        boolean identityPresent = secrets.hasIdentity();
        String recipient = null;
        String identityMode = null;
        String identityProblem = null;
        if (identityPresent) {
            try {
                identityMode = Permissions.mode(layout.identityFile());
                recipient = secrets.loadIdentity().recipient();
            } catch (IOException | InvalidInputException | OperationFailedException e) {
                identityProblem = e.getMessage();
            }
        }
        HostStatus.Identity identity = new HostStatus.Identity(layout.identityFile().toString(), identityPresent, identityMode, recipient);

        // Secrets.
        List<SecretCheck> checks = List.of();
        if (identityPresent && identityProblem == null) {
            checks = secrets.verify(layout.agents(), false);
        }

        // Podman, pod, containers.
        String version = null;
        Optional<PodInfo> pod = Optional.empty();
        List<ContainerInfo> containers = List.of();
        if (podman.isPresent()) {
            Podman p = podman.get();
            version = p.version();
            pod = p.pod(layout.pod());
            if (pod.isPresent()) {
                containers = p.containers(layout.pod());
            }
        }
        List<ContainerInfo> found = containers;
        List<String> containerNames = containers.stream().map(ContainerInfo::name).toList();
        HostStatus.Podman pod0 = new HostStatus.Podman(podman.isPresent(), podman.map(p -> p.executable().toString()).orElse(null),
                version, layout.pod(), pod.isPresent(), pod.map(PodInfo::status).orElse(null));

        List<HostStatus.Agent> agents = new ArrayList<>();
        int running = 0;
        String firstBadSecret = null;
        String firstBadSecretStatus = null;
        String firstStopped = null;
        for (String agent : layout.agents()) {
            SecretCheck check = checks.stream().filter(c -> c.agent().equals(agent)).findFirst().orElse(null);
            String secretState = check == null ? "unknown" : check.status().name().replace('_', '-');
            if (check != null && check.status() == SecretCheck.Status.loose_permissions) {
                warnings.add("secret of " + agent + ": " + check.message());
            } else if (check != null && !check.ok() && firstBadSecret == null) {
                firstBadSecret = agent;
                firstBadSecretStatus = check.status().name();
            }
            Optional<String> cname = layout.containerOf(agent, containerNames);
            Optional<ContainerInfo> info = cname.flatMap(n -> found.stream().filter(c -> c.name().equals(n)).findFirst());
            if (info.map(ContainerInfo::running).orElse(false)) {
                running++;
            } else if (firstStopped == null) {
                firstStopped = agent;
            }
            agents.add(new HostStatus.Agent(agent, secretState, check == null ? null : check.message(),
                    cname.orElse(layout.containerName(agent)), info.map(ContainerInfo::status).orElse("missing"),
                    info.map(c -> c.uptimeSeconds(now)).filter(s -> s >= 0).orElse(null),
                    info.map(ContainerInfo::restartCount).orElse(null)));
        }

        HostStatus.Backup last = null;
        try {
            Instant t = backups.lastBackupTime();
            if (t != null) {
                last = new HostStatus.Backup(backups.archives().get(0).toString(), t.toString(), Duration.between(t, now).getSeconds());
                if (Duration.between(t, now).compareTo(BACKUP_AGE_WARNING) > 0) {
                    warnings.add("the last backup is " + Duration.between(t, now).toDays() + " days old");
                }
            }
        } catch (RuntimeException e) {
            warnings.add("cannot read the backups: " + e.getMessage());
        }
        if (identityMode != null && !identityMode.isEmpty() && !identityMode.equals("0600")) {
            warnings.add("identity " + layout.identityFile() + " has mode " + identityMode + " (run 'ai-lab secrets verify --fix')");
        }

        // Sum up.
        HostState state;
        String reason;
        String next;
        if (!baseExists) {
            state = HostState.NOT_INSTALLED;
            reason = "the base folder " + layout.baseDir() + " does not exist";
            next = "ai-lab secrets init   # creates " + layout.baseDir() + " with the age identity";
        } else if (!identityPresent) {
            state = HostState.NOT_INSTALLED;
            reason = "no age identity at " + layout.identityFile();
            next = "ai-lab secrets init";
        } else if (identityProblem != null) {
            state = HostState.NOT_INSTALLED;
            reason = identityProblem;
            next = "restore " + layout.identityFile() + " from a safe copy";
        } else if (podman.isEmpty()) {
            state = HostState.NOT_INSTALLED;
            reason = "podman is not installed";
            next = "apt-get install podman";
        } else if (firstBadSecret != null) {
            state = HostState.NEEDS_SECRETS;
            reason = "the secret of " + firstBadSecret + " is " + firstBadSecretStatus.replace('_', ' ');
            next = "missing".equals(firstBadSecretStatus)
                    ? "ai-lab secrets set " + firstBadSecret + " < FILE"
                    : "ai-lab secrets verify " + firstBadSecret + "   # then set it again if it stays broken";
        } else if (pod.isEmpty()) {
            state = HostState.STOPPED;
            reason = "there is no pod named " + layout.pod();
            next = "podman pod create --name " + layout.pod() + "   # then create the agent containers " + layout.pod() + "-AGENT";
        } else if (running == 0) {
            state = HostState.STOPPED;
            reason = "no agent container is running";
            next = "ai-lab deploy restart";
        } else if (running < layout.agents().size()) {
            state = HostState.DEGRADED;
            reason = running + " of " + layout.agents().size() + " agent containers run; " + firstStopped + " does not";
            next = "ai-lab deploy restart " + firstStopped;
        } else {
            state = HostState.RUNNING;
            reason = "all " + running + " agent containers run";
            next = last == null || Duration.ofSeconds(last.ageSeconds()).compareTo(BACKUP_AGE_WARNING) > 0 ? "ai-lab backup create" : null;
        }
        return new HostStatus(state, reason, next, lay, identity, pod0, agents, last, warnings);
    }
}
