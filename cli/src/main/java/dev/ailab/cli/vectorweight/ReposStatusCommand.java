package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.integrations.github.GitopsPublish;
import dev.ailab.sources.git.FolderPublisher;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vectorweight repos status}: the remote URL, whether the generated folder is pushed, ahead and behind. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the GitOps repository's URL, whether the generated folder is pushed, and how far ahead or behind it is.",
                "Reads the remote with the token from github.token_env when it is set; changes no generated file."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 shown (pushed or not), 2 invalid config, 3 the remote could not be read",
                  "",
                  "Examples:",
                  "  vectorweight repos status -c vw.yaml",
                  "  vectorweight repos status -c vw.yaml -o json"})
public class ReposStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReposOptions options;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        ReposOptions.Resolved r = options.resolve(spec);
        ReposOptions.requireOwner(r, "repos status");
        FolderPublisher.Status s = GitopsPublish.publisher(RootCommand.contextOf(spec).env())
                .status(r.dir(), r.repository().url(), GitopsPublish.BRANCH, r.settings().gitAuth());
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", s.url());
            m.put("branch", s.branch());
            m.put("dir", r.dir().toString());
            m.put("pushed", s.pushed());
            m.put("local_commit", s.localCommit());
            m.put("remote_commit", s.remoteCommit());
            m.put("ahead", s.ahead());
            m.put("behind", s.behind());
            m.put("uncommitted", s.uncommitted());
            m.put("related", s.related());
            JsonOutput.write(out, m);
        } else {
            out.println("remote       " + s.url() + " (" + s.branch() + ")");
            out.println("folder       " + r.dir());
            out.println("pushed       " + (s.pushed() ? "yes" : "no"));
            if (!s.repository()) {
                out.println("             the folder has never been pushed (run 'vectorweight repos create')");
            } else {
                out.println("ahead        " + s.ahead() + " commit(s) not on the remote");
                out.println("behind       " + s.behind() + " commit(s) on the remote not in the folder"
                        + (s.remoteCommit() == null ? " (the remote has no " + s.branch() + " yet)" : ""));
                out.println("uncommitted  " + s.uncommitted() + " file(s) changed since the last push");
                if (!s.related()) {
                    out.println("             the remote's history is unrelated: repos create will refuse to push");
                }
            }
        }
        out.flush();
        return 0;
    }
}
