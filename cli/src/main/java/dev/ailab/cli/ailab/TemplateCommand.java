package dev.ailab.cli.ailab;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** List and describe project templates. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "List and describe project templates.",
        subcommands = {})
public class TemplateCommand extends GroupCommand {
}
