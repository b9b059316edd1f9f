package dev.ailab.cli.vectorweight;

import dev.ailab.cli.github.GithubDoctorCommand;
import dev.ailab.cli.OutputMixin;
import dev.ailab.integrations.github.GithubDoctor;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vectorweight repos doctor}: the token's variable, user, scopes and rate limit, against what {@code repos create} needs. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Show the token variable, the token's user and scopes, the rate limit left and the API URL.",
                "Exit 0 when repos create has what it needs: the 'repo' scope ('public_repo' is enough with github.private: false)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 ready, 2 no token in the variable github.token_env names, 3 GitHub refused the token or it lacks the scope",
                  "",
                  "Examples:",
                  "  vectorweight repos doctor -c vw.yaml",
                  "  vectorweight repos doctor -c vw.yaml -o json"})
public class ReposDoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReposOptions options;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        ReposOptions.Resolved r = options.resolve(spec);
        GithubDoctor.Report report = GithubDoctor.run(r.settings(), !r.repository().privateRepository());
        PrintWriter out = spec.commandLine().getOut();
        if (!output.json()) {
            out.println("repository   " + r.repository().owner() + "/" + r.repository().name()
                    + (r.repository().privateRepository() ? " (private)" : " (public)"));
        }
        GithubDoctorCommand.print(report, output.json(), out, spec.commandLine().getErr());
        return report.ok() ? 0 : report.tokenSet() ? 3 : 2;
    }
}
