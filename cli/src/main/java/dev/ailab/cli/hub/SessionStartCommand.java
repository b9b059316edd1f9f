package dev.ailab.cli.hub;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.hub.Sessions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code session start}: prints only the id, for wrappers to capture. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start an AI session and print its id.",
        footerHeading = "%nExamples:%n", footer = {"  id=$(ai-lab session start --agent claude --model opus -p shop --work 12)"})
public class SessionStartCommand extends HubCommand {
    @Option(names = "--agent", required = true, paramLabel = "NAME", description = "The agent (claude, grok, gemini, ...).") String agent;
    @Option(names = "--model", paramLabel = "MODEL") String model;
    @Option(names = {"-p", "--project"}, paramLabel = "NAME") String project;
    @Option(names = "--work", paramLabel = "ID", split = ",", description = "Work items this session is about (repeatable).")
    List<Long> work = new ArrayList<>();

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        Sessions sessions = new Sessions(store());
        long id = sessions.start(agent, model, project, work);
        if (output.json()) {
            JsonOutput.write(out(), sessions.show(id).session());
            return 0;
        }
        out().println(id);
        out().flush();
        return 0;
    }
}
