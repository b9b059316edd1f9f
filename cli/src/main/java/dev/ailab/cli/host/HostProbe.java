package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.deployment.host.HostInspector;
import dev.ailab.deployment.host.HostStatus;
import java.nio.file.Files;
import java.time.Instant;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code deploy status} for the dashboard's overview: the same {@link HostInspector} run, on
 * request. A host counts as configured once its base folder exists; before that the answer is
 * null and the overview leaves the section out. The config is read on first use, not at start.
 */
public final class HostProbe implements Supplier<HostStatus> {
    private final CommandSpec spec;
    private final ConfigMixin config;
    private final int timeoutSeconds;
    private HostContext host;

    public HostProbe(CommandSpec spec, ConfigMixin config, int timeoutSeconds) {
        this.spec = spec;
        this.config = config;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public synchronized HostStatus get() {
        if (host == null) {
            host = HostContext.of(spec, config);
        }
        if (!Files.isDirectory(host.layout.baseDir())) {
            return null;
        }
        return new HostInspector(host.layout, host.secrets(), host.backups(), host.findPodman(timeoutSeconds)).inspect(Instant.now());
    }
}
