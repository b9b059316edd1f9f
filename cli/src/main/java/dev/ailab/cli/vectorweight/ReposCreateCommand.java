package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.integrations.github.GitopsPublish;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vectorweight repos create}: the repository on GitHub, then the generated folder pushed to it. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create the GitOps repository on GitHub and push the generated folder to its default branch.",
                "Under github.owner (a user or an organisation), private unless github.private: false, with github.description "
                        + "and github.topics. An existing repository holding an earlier push is reused and moved forward; "
                        + "one with unrelated history, or a push that would not fast-forward, is refused: nothing is forced."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 created or reused and pushed (or up to date), 1 refused (unrelated history, not a fast-forward, "
                          + "nothing generated), 2 invalid config or no token, 3 GitHub or the git remote failed or the token "
                          + "lacks the scope",
                  "",
                  "Examples:",
                  "  vectorweight repos create -c vw.yaml --dry-run",
                  "  vectorweight repos create -c vw.yaml --dir ../lab-deployment -o json"})
public class ReposCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReposOptions options;

    @Option(names = {"-n", "--dry-run"}, description = "Say whether the repository would be created; create and push nothing.")
    boolean dryRun;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        ReposOptions.Resolved r = options.resolve(spec);
        ReposOptions.requireOwner(r, "repos create");
        GitopsPublish.Result result = publish(spec, r, dryRun);
        print(result, output.json(), spec.commandLine().getOut());
        return 0;
    }

    static GitopsPublish.Result publish(CommandSpec spec, ReposOptions.Resolved r, boolean dryRun) {
        RunContext context = RootCommand.contextOf(spec);
        PrintWriter err = spec.commandLine().getErr();
        return GitopsPublish.run(r.settings(), r.target(), r.repository().url(), r.dir(), dryRun, context.env(), line -> {
            err.println(line);
            err.flush();
        });
    }

    static Map<String, Object> json(GitopsPublish.Result p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repository", p.repository());
        m.put("action", p.action());
        m.put("private", p.privateRepository());
        m.put("owner_kind", p.ownerKind());
        m.put("url", p.url());
        m.put("branch", p.branch());
        m.put("push", p.push());
        m.put("commit", p.commit());
        m.put("committed", p.committed());
        return m;
    }

    static void print(GitopsPublish.Result p, boolean json, PrintWriter out) {
        if (json) {
            JsonOutput.write(out, json(p));
        } else {
            String what = switch (p.action()) {
                case "created" -> "created";
                case "would-create" -> "would create";
                default -> "reusing";
            };
            out.println(what + " " + (p.privateRepository() ? "private" : "public") + " repository " + p.repository()
                    + " (" + p.ownerKind() + ")");
            out.println(switch (p.push()) {
                case "pushed" -> "pushed " + shortId(p.commit()) + " to " + p.branch() + " of " + p.url();
                case "up-to-date" -> p.branch() + " of " + p.url() + " is up to date (" + shortId(p.commit()) + ")";
                default -> "would push the generated folder to " + p.branch() + " of " + p.url();
            });
        }
        out.flush();
    }

    private static String shortId(String id) {
        return id == null ? "" : id.substring(0, Math.min(10, id.length()));
    }
}
