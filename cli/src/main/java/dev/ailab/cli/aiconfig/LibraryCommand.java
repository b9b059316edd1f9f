package dev.ailab.cli.aiconfig;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "library", mixinStandardHelpOptions = true,
        description = "Update, inspect and roll back the library; list, search and show its files.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config library update --dry-run", "  ai-config library list 'prompts/**'"})
public class LibraryCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(LibraryUpdateCommand.class, LibraryStatusCommand.class, LibraryDiffCommand.class,
                LibraryLogCommand.class, LibraryRollbackCommand.class, LibraryListCommand.class,
                LibrarySearchCommand.class, LibraryShowCommand.class);
    }
}
