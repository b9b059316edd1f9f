package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** AI sessions: start, log, end, list, show. */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "AI sessions: start, log, end, list, show.",
        footerHeading = "%nExamples:%n",
        footer = {"  id=$(ai-lab session start --agent claude --model opus --project shop)",
            "  ai-lab session log \"$id\" 'ran the test suite'",
            "  ai-lab session end \"$id\" --summary 'fixed login' --tokens-in 12000 --cost 0.41"})
public class SessionCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(SessionStartCommand.class, SessionLogCommand.class, SessionEndCommand.class,
                SessionListCommand.class, SessionShowCommand.class);
    }
}
