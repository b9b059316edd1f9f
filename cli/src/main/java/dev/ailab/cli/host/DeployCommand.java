package dev.ailab.cli.host;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** The AI-agent host: status, containers, restart, logs. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "The AI-agent host: status, containers, restart, logs.",
        footerHeading = "%nConfig:%n",
        footer = {"  deployment.base_dir (default /ai; env AI_LAB_DEPLOY_DIR), deployment.pod (default ai-agents) and "
                          + "deployment.agents (default claude, grok, gemini). Each agent runs as container <pod>-<agent> (or <agent>).",
                  "",
                  "Examples:",
                  "  ai-lab deploy status        # the state and what to run next; 0 when running",
                  "  ai-lab deploy restart grok  # restart one agent container"})
public class DeployCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(DeployStatusCommand.class, DeployContainersCommand.class, DeployRestartCommand.class,
                DeployLogsCommand.class);
    }
}
