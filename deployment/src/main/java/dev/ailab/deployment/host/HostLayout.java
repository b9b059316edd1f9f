package dev.ailab.deployment.host;

import dev.ailab.core.config.DeploymentConfig;
import dev.ailab.deployment.podman.Names;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a host keeps its things, from the {@code deployment} config section: the base folder
 * (default {@code /ai}), {@code secrets/} with one {@code <agent>.age} per agent,
 * {@code backups/}, and the age identity in {@code age/identity.txt} (never backed up).
 * Each agent runs in the pod as a container named {@code <pod>-<agent>} (or just {@code <agent>}).
 */
public record HostLayout(Path baseDir, Path secretsDir, Path backupDir, Path identityFile, String pod, List<String> agents,
                         String image) {

    public static final String IDENTITY = "age/identity.txt";

    /** Builds the layout; {@code resolve} turns config paths into absolute paths. Names are checked. */
    public static HostLayout of(DeploymentConfig c, Function<String, Path> resolve) {
        Path base = resolve.apply(c.baseDir);
        List<String> agents = c.agents == null ? List.of() : List.copyOf(c.agents);
        agents.forEach(a -> Names.check("agent", a));
        Names.check("pod", c.pod);
        return new HostLayout(base, resolve.apply(c.secretsDir), resolve.apply(c.backupDir), base.resolve(IDENTITY),
                c.pod, agents, c.image);
    }

    public Path identityDir() {
        return identityFile.getParent();
    }

    /** The container name an agent's container is given by convention. */
    public String containerName(String agent) {
        return pod + "-" + Names.check("agent", agent);
    }

    /** Finds the agent's container among {@code names}: {@code <pod>-<agent>} first, then {@code <agent>}. */
    public Optional<String> containerOf(String agent, List<String> names) {
        String conventional = containerName(agent);
        if (names.contains(conventional)) {
            return Optional.of(conventional);
        }
        return names.contains(agent) ? Optional.of(agent) : Optional.empty();
    }
}
