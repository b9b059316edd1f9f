package dev.ailab.cli.host;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** age-encrypted agent secrets: init, set, list, verify, rotate, get. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "age-encrypted agent secrets: init, set, list, verify, rotate, get.",
        subcommands = {})
public class SecretsCommand extends GroupCommand {
}
