package dev.ailab.cli.host;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** age-encrypted agent secrets: init, set, list, verify, rotate, get. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "age-encrypted agent secrets: init, set, list, verify, rotate, get.",
        footerHeading = "%nFiles:%n",
        footer = {"  <base_dir>/age/identity.txt   the host's age identity (0600; never backed up)",
                  "  <secrets_dir>/<agent>.age      one encrypted secret per agent (0600)",
                  "  <secrets_dir>/recipients.txt   extra age1... recipients every secret is also encrypted to",
                  "",
                  "Examples:",
                  "  ai-lab secrets init && pass show api/claude | ai-lab secrets set claude",
                  "  ai-lab secrets verify --fix     # exists, mode 0600, decrypts"})
public class SecretsCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(SecretsInitCommand.class, SecretsSetCommand.class, SecretsListCommand.class,
                SecretsVerifyCommand.class, SecretsRotateCommand.class, SecretsGetCommand.class);
    }
}
