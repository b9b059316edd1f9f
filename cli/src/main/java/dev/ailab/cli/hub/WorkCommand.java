package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** Work items: add, list, show, update, start, block, done, delete, import, export. */
@Command(name = "work", mixinStandardHelpOptions = true,
        description = "Work items: add, list, show, update, start, block, done, delete, import, export.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab work add 'Fix the login page' --project shop --priority high -l bug",
            "  ai-lab work list --label bug --sort priority",
            "  ai-lab work done 12"})
public class WorkCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(WorkAddCommand.class, WorkListCommand.class, WorkShowCommand.class, WorkUpdateCommand.class,
                WorkStartCommand.class, WorkBlockCommand.class, WorkDoneCommand.class, WorkDeleteCommand.class,
                WorkImportCommand.class, WorkExportCommand.class);
    }
}
