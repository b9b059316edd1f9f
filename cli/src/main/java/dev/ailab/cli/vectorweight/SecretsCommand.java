package dev.ailab.cli.vectorweight;

import dev.ailab.cli.GroupCommand;
import picocli.CommandLine.Command;

/** SOPS-encrypted Kubernetes Secrets of the generated repository: set, list, verify, rotate. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "SOPS-encrypted Kubernetes Secrets of the generated repository: set, list, verify, rotate.",
        footerHeading = "%nFiles:%n",
        footer = {"  flux/<cluster>/secrets/<name>.yaml      (gitops.engine: flux)",
                  "  clusters/<cluster>/secrets/<name>.yaml  (gitops.engine: argocd)",
                  "",
                  "Examples:",
                  "  pass show chroma | vectorweight secrets set -c vw.yaml lab chroma-auth token",
                  "  vectorweight secrets verify -c vw.yaml -i ~/.config/sops/age/keys.txt"})
public class SecretsCommand extends GroupCommand {
    @Override
    public java.util.List<Class<?>> subcommands() {
        return java.util.List.of(SecretsSetCommand.class, SecretsListCommand.class, SecretsVerifyCommand.class, SecretsRotateCommand.class);
    }
}
