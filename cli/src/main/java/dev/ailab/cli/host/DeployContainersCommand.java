package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.TextTable;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.deployment.podman.ContainerInfo;
import dev.ailab.deployment.podman.Podman;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code deploy containers}: the pod's containers with state. */
@Command(name = "containers", mixinStandardHelpOptions = true,
        description = "List the pod's containers with state, uptime, restart count and image.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab deploy containers", "  ai-lab deploy containers -o json | jq -r '.[] | select(.state != \"running\")'",
                  "%nExit codes: 0 listed, 1 the pod does not exist, 3 podman missing, failing or timing out"})
public class DeployContainersCommand implements Callable<Integer> {
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
        Podman podman = host.podman(timeout.seconds);
        String pod = host.layout.pod();
        if (podman.pod(pod).isEmpty()) {
            throw new OperationFailedException("there is no pod named " + pod, "see 'ai-lab deploy status' for what to do next");
        }
        List<ContainerInfo> containers = podman.containers(pod);
        Instant now = Instant.now();
        if (output.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ContainerInfo c : containers) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", c.name());
                m.put("agent", agentOf(host, c.name()));
                m.put("state", c.state());
                m.put("status", c.status());
                m.put("started_at", c.startedAt() == null ? null : c.startedAt().toString());
                m.put("uptime_seconds", c.running() ? c.uptimeSeconds(now) : null);
                m.put("restart_count", c.restartCount());
                m.put("image", c.image());
                m.put("id", c.id());
                rows.add(m);
            }
            JsonOutput.write(host.out, rows);
            return 0;
        }
        TextTable t = new TextTable("NAME", "AGENT", "STATE", "UPTIME", "RESTARTS", "IMAGE");
        for (ContainerInfo c : containers) {
            t.row(c.name(), agentOf(host, c.name()), c.status(), c.running() ? HostContext.age(c.uptimeSeconds(now)) : "-",
                    c.restartCount(), c.image());
        }
        if (containers.isEmpty()) {
            host.out.println("the pod " + pod + " has no containers");
        } else {
            t.print(host.out, TextTable.terminalWidth(host.run.env()));
        }
        host.out.flush();
        return 0;
    }

    private static String agentOf(HostContext host, String container) {
        for (String agent : host.layout.agents()) {
            if (container.equals(agent) || container.equals(host.layout.containerName(agent))) {
                return agent;
            }
        }
        return "";
    }
}
