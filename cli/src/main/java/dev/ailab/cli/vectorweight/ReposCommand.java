package dev.ailab.cli.vectorweight;

import dev.ailab.cli.GroupCommand;
import java.util.List;
import picocli.CommandLine.Command;

/** The GitOps repository on GitHub: doctor, create, status. */
@Command(name = "repos", mixinStandardHelpOptions = true,
        description = "The GitOps repository on GitHub: check the token, create and push, compare with the remote.",
        footerHeading = "%nExamples:%n",
        footer = {"  vectorweight repos doctor -c vw.yaml",
                  "  vectorweight repos create -c vw.yaml --dry-run",
                  "  vectorweight repos status -c vw.yaml"})
public class ReposCommand extends GroupCommand {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(ReposDoctorCommand.class, ReposCreateCommand.class, ReposStatusCommand.class);
    }
}
