package dev.ailab.cli.host;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** The AI-agent host: status, containers, restart, logs. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "The AI-agent host: status, containers, restart, logs.",
        subcommands = {})
public class DeployCommand extends GroupCommand {
}
