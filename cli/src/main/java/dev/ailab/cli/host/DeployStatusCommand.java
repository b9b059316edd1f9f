package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.TextTable;
import dev.ailab.deployment.host.HostInspector;
import dev.ailab.deployment.host.HostState;
import dev.ailab.deployment.host.HostStatus;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code deploy status}: the host's state from what is really there, and the next command to run. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Detect the host's state from what is really there.",
                       "Looks at the base folder, the age identity, each agent's secret (present and decryptable), "
                               + "podman, the pod and each agent container (uptime, restarts) and the last backup, and sums "
                               + "up as not-installed, needs-secrets, stopped, degraded or running, with the next command to run."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab deploy status", "  ai-lab deploy status --output json | jq -r .state",
                  "  ai-lab deploy status -q || make restart",
                  "%nExit codes:",
                  "  0 running",
                  "  1 not-installed, needs-secrets, stopped or degraded (the state is printed; see 'next')",
                  "  3 podman failed or did not answer within --timeout"})
public class DeployStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;
    @Mixin
    TimeoutOption timeout;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        HostStatus s = new HostInspector(host.layout, host.secrets(), host.backups(), host.findPodman(timeout.seconds))
                .inspect(Instant.now());
        if (output.json()) {
            JsonOutput.write(host.out, s);
        } else {
            print(host, s);
        }
        return s.state() == HostState.RUNNING ? 0 : 1;
    }

    private static void print(HostContext host, HostStatus s) {
        var out = host.out;
        out.println("state:    " + s.state() + " (" + s.reason() + ")");
        out.println("base:     " + s.layout().baseDir() + (s.layout().baseDirExists() ? "" : " (missing)"));
        out.println("identity: " + (s.identity().present() ? s.identity().file() + " mode " + s.identity().mode()
                + (s.identity().recipient() != null ? ", recipient " + s.identity().recipient() : "") : "missing"));
        HostStatus.Podman p = s.podman();
        out.println("podman:   " + (p.installed() ? p.version() + " (" + p.executable() + ")" : "not installed"));
        out.println("pod:      " + p.pod() + " " + (p.podExists() ? p.podStatus() : "(missing)"));
        out.println("backup:   " + (s.lastBackup() == null ? "none" : s.lastBackup().file() + " ("
                + HostContext.age(s.lastBackup().ageSeconds()) + " ago)"));
        TextTable t = new TextTable("AGENT", "SECRET", "CONTAINER", "STATE", "UPTIME", "RESTARTS");
        for (HostStatus.Agent a : s.agents()) {
            t.row(a.name(), a.secret(), a.container(), a.containerState(),
                    a.uptimeSeconds() == null ? "-" : HostContext.age(a.uptimeSeconds()),
                    a.restartCount() == null ? "-" : a.restartCount());
        }
        out.println();
        t.print(out, TextTable.terminalWidth(host.run.env()));
        for (String w : s.warnings()) {
            out.println("warning: " + w);
        }
        if (s.next() != null) {
            out.println();
            out.println("next: " + s.next());
        }
        out.flush();
    }
}
