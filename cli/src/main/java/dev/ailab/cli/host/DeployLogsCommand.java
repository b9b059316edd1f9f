package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.deployment.podman.Names;
import dev.ailab.deployment.podman.Podman;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deploy logs AGENT [--tail N]}. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the last lines of an agent container's log (its stdout and stderr, as podman keeps them).",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab deploy logs claude", "  ai-lab deploy logs grok --tail 500 | grep -i error",
                  "%nExit codes: 0 printed, 1 no such pod or agent container, 2 bad agent name, 3 podman failed or timed out"})
public class DeployLogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    TimeoutOption timeout;
    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "AGENT", description = "The agent whose container log to show.")
    String agent;

    @Option(names = "--tail", paramLabel = "N", defaultValue = "100", description = "How many lines (default: ${DEFAULT-VALUE}).")
    int tail;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        Names.check("agent", agent);
        Podman podman = host.podman(timeout.seconds);
        String container = DeployRestartCommand.containerOf(host, podman, agent);
        String log = podman.logs(container, tail);
        if (output.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("agent", agent);
            result.put("container", container);
            result.put("tail", tail);
            result.put("lines", log.lines().toList());
            JsonOutput.write(host.out, result);
            return 0;
        }
        host.out.print(log);
        host.out.flush();
        return 0;
    }
}
