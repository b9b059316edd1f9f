package dev.ailab.cli.hub;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** The work-item store: migrate, info, backup, restore. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "The work-item store: migrate, info, backup, restore.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab db info --check", "  ai-lab db backup --encrypt-to age1...", "  ai-lab db restore ~/.local/share/ai-lab/backups/ai-lab-20261122-101500.db.gz"})
public class DbCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(DbMigrateCommand.class, DbInfoCommand.class, DbBackupCommand.class, DbRestoreCommand.class);
    }
}
