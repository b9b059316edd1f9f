package dev.ailab.cli.host;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Verified backups of the host: create, list, info, verify, restore, prune. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Verified backups of the host: create, list, info, verify, restore, prune.",
        subcommands = {})
public class BackupCommand extends GroupCommand {
}
