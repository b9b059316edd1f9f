package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.cli.VersionProvider;
import dev.ailab.core.config.DeploymentConfig;
import dev.ailab.deployment.backup.BackupService;
import dev.ailab.deployment.host.HostLayout;
import dev.ailab.deployment.podman.Podman;
import dev.ailab.deployment.secrets.SecretStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** What the host commands share: the layout from the config, the stores, podman, and output helpers. */
final class HostContext {
    final RunContext run;
    final HostLayout layout;
    final PrintWriter out;
    final PrintWriter err;

    private HostContext(RunContext run, HostLayout layout, PrintWriter out, PrintWriter err) {
        this.run = run;
        this.layout = layout;
        this.out = out;
        this.err = err;
    }

    static HostContext of(CommandSpec spec, ConfigMixin config) {
        RunContext run = RootCommand.contextOf(spec);
        DeploymentConfig d = config.load().config().deployment;
        HostLayout layout = HostLayout.of(d, p -> run.resolve(p));
        return new HostContext(run, layout, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    void warn(String message) {
        err.println("warning: " + message);
        err.flush();
    }

    SecretStore secrets() {
        return new SecretStore(layout.secretsDir(), layout.identityFile(), this::warn);
    }

    BackupService backups() {
        return new BackupService(layout, this::warn, Clock.systemUTC(), "ai-lab " + toolVersion());
    }

    private static String toolVersion() {
        return VersionProvider.buildInfo().getProperty("version", "unknown");
    }

    Optional<Podman> findPodman(int timeoutSeconds) {
        return Podman.find(run.env()).map(p -> new Podman(p, run.env(), timeout(timeoutSeconds)));
    }

    Podman podman(int timeoutSeconds) {
        return Podman.locate(run.env(), timeout(timeoutSeconds));
    }

    private static Duration timeout(int seconds) {
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    Path resolve(String path) {
        return run.resolve(path);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        String[] units = {"KB", "MB", "GB", "TB"};
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.0f %s" : "%.1f %s", v, units[i]);
    }

    static String age(long seconds) {
        if (seconds < 0) {
            return "-";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86400) {
            return seconds / 3600 + "h" + (seconds % 3600) / 60 + "m";
        }
        return seconds / 86400 + "d" + (seconds % 86400) / 3600 + "h";
    }
}
