package dev.ailab.cli.github;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.integrations.github.GithubDoctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code github doctor}: which token variable, whose token, its scopes, the rate limit, the API URL. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Show the token variable, the token's user and scopes, the rate limit left and the API URL"
                + " (exit 0 when sync and repository creation have what they need).",
        footerHeading = "%nExamples:%n", footer = {"  ai-lab github doctor", "  ai-lab github doctor -o json"})
public class GithubDoctorCommand extends GithubSupport {
    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        GithubDoctor.Report r = GithubDoctor.run(settings());
        print(r, output.json(), out(), err());
        return r.ok() ? 0 : r.tokenSet() ? 3 : 2;
    }

    /** Also for {@code vectorweight repos doctor}. */
    public static void print(GithubDoctor.Report r, boolean json, java.io.PrintWriter out, java.io.PrintWriter err) {
        if (json) {
            JsonOutput.write(out, r);
        } else {
            out.println("api url      " + r.apiUrl());
            out.println("token        " + r.tokenEnv() + (r.tokenSet() ? "" : " (not set)"));
            if (r.user() != null) {
                out.println("user         " + r.user());
                out.println("scopes       " + (r.scopes() == null ? "(fine-grained token: not listed)"
                        : String.join(", ", r.scopes())));
                out.println("rate limit   " + r.rateLimitRemaining() + " of " + r.rateLimit() + " left");
            }
            out.flush();
        }
        if (!r.ok()) {
            err.println("error: " + r.problem());
            if (r.hint() != null) {
                err.println("hint: " + r.hint());
            }
            err.flush();
        }
    }
}
