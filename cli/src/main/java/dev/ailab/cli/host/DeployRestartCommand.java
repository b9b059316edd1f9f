package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.deployment.podman.ContainerInfo;
import dev.ailab.deployment.podman.Names;
import dev.ailab.deployment.podman.Podman;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deploy restart [AGENT]}. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart one agent's container, or the whole pod without an argument (this also starts a stopped pod).",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab deploy restart claude", "  ai-lab deploy restart",
                  "%nExit codes: 0 restarted, 1 no such pod or agent container, 2 bad agent name, 3 podman failed or timed out"})
public class DeployRestartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    TimeoutOption timeout;
    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "AGENT", arity = "0..1", description = "The agent whose container to restart.")
    String agent;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        if (agent != null) {
            Names.check("agent", agent);
        }
        Podman podman = host.podman(timeout.seconds);
        String container = null;
        if (agent == null) {
            podman.restartPod(host.layout.pod());
        } else {
            container = containerOf(host, podman, agent);
            podman.restartContainer(container);
        }
        if (output.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("pod", host.layout.pod());
            result.put("agent", agent);
            result.put("container", container);
            JsonOutput.write(host.out, result);
            return 0;
        }
        host.out.println(container == null ? "restarted pod " + host.layout.pod() : "restarted " + container);
        host.out.flush();
        return 0;
    }

    static String containerOf(HostContext host, Podman podman, String agent) {
        String pod = host.layout.pod();
        if (podman.pod(pod).isEmpty()) {
            throw new OperationFailedException("there is no pod named " + pod, "see 'ai-lab deploy status' for what to do next");
        }
        List<String> names = podman.containers(pod).stream().map(ContainerInfo::name).toList();
        return host.layout.containerOf(agent, names).orElseThrow(() -> new OperationFailedException(
                "the pod " + pod + " has no container for agent " + agent + " (looked for " + host.layout.containerName(agent)
                        + " and " + agent + ")", "list the containers with 'ai-lab deploy containers'"));
    }
}
