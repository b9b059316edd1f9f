package dev.ailab.cli.ailab;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** List and describe project templates. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "List and describe project templates (built-in ones and yours under $XDG_CONFIG_HOME/ai-lab/templates).",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab template list", "  ai-lab template show monorepo --output json"})
public class TemplateCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(TemplateListCommand.class, TemplateShowCommand.class);
    }
}
