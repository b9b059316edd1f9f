package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** AI sessions: start, log, end, list, show. */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "AI sessions: start, log, end, list, show.",
        subcommands = {})
public class SessionCommand extends GroupCommand {
}
