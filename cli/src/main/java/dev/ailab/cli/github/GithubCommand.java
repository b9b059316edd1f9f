package dev.ailab.cli.github;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** GitHub: doctor, sync, resolve, listen. */
@Command(name = "github", mixinStandardHelpOptions = true,
        description = "GitHub: check the token, sync work items with issues, settle conflicts, serve webhooks.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab github doctor", "  ai-lab github sync --project shop --dry-run",
            "  ai-lab github resolve 12 --take remote --field title"})
public class GithubCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(GithubDoctorCommand.class, GithubSyncCommand.class, GithubResolveCommand.class,
                GithubListenCommand.class);
    }
}
