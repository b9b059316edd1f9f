package dev.ailab.cli.ailab;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Show, check and describe the configuration. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show, check and describe the configuration.",
        subcommands = {})
public class ConfigCommand extends GroupCommand {
}
