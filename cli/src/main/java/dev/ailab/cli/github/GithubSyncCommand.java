package dev.ailab.cli.github;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.integrations.github.GithubClient;
import dev.ailab.integrations.github.IssueSync;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code github sync}: two-way, three-way-merged sync of work items with issues (exit 1 when conflicts are open). */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Sync a project's work items with its GitHub repository's issues, both ways, field by field"
                + " (exit 1 while conflicts are open).",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab github sync --project shop", "  ai-lab github sync --all --dry-run",
            "  ai-lab github sync --project shop --pull-only -o json"})
public class GithubSyncCommand extends GithubSupport {
    @Option(names = {"-p", "--project"}, paramLabel = "NAME", description = "The project to sync.") String project;
    @Option(names = {"-a", "--all"}, description = "Every registered project with a GitHub repository.") boolean all;
    @Option(names = {"-n", "--dry-run"}, description = "Show what would change, change nothing.") boolean dryRun;
    @Option(names = "--pull-only", description = "Write only the local side.") boolean pullOnly;
    @Option(names = "--push-only", description = "Write only GitHub.") boolean pushOnly;
    @Option(names = "--push", description = "Also create issues for new local items (github.push_new: true does it always).")
    boolean push;
    @Option(names = "--max-wait", paramLabel = "SECONDS", defaultValue = "900",
            description = "Longest wait for GitHub's rate limits (default ${DEFAULT-VALUE}).") long maxWait;

    @Mixin
    OutputMixin output;

    @Override
    protected int run() {
        if ((project == null) == !all) {
            throw new InvalidInputException("say which project to sync", "give --project NAME or --all");
        }
        if (maxWait < 0) {
            throw new InvalidInputException("--max-wait takes seconds, 0 or more, got " + maxWait, "give the longest wait in seconds, such as --max-wait 600");
        }
        Map<String, String> repos = repositories(project);
        boolean pushNew = push || Boolean.TRUE.equals(githubConfig().pushNew);
        List<IssueSync.Report> reports = new ArrayList<>();
        // no client (and no token needed) when no project syncs
        GithubClient client = repos.isEmpty() ? null : client(maxWait);
        IssueSync sync = new IssueSync(client, store(), line -> {
            err().println(line);
            err().flush();
        });
        for (Map.Entry<String, String> e : repos.entrySet()) {
            reports.add(sync.sync(e.getKey(), e.getValue(), new IssueSync.Options(dryRun, pullOnly, pushOnly, pushNew)));
        }
        if (output.json()) {
            JsonOutput.write(out(), Map.of("projects", reports));
        } else {
            for (IssueSync.Report r : reports) {
                out().println(r.project() + " <-> " + r.repository() + (r.dryRun() ? " (dry run)" : "") + ": "
                        + r.createdLocal() + " imported, " + r.pulled() + " pulled, " + r.pushed() + " pushed, "
                        + r.createdRemote() + " issues created, " + r.conflicts().size() + " conflicts; " + r.requests()
                        + " requests, " + r.rateLimitUsed() + " rate-limit units");
                for (IssueSync.ConflictRow k : r.conflicts()) {
                    out().println("  CONFLICT item " + k.item() + " (#" + k.issue() + ") " + k.field() + ": local '"
                            + k.local() + "', GitHub '" + k.remote() + "'");
                }
                r.notes().forEach(n -> out().println("  note: " + n));
            }
            out().flush();
        }
        boolean conflicts = reports.stream().anyMatch(r -> !r.conflicts().isEmpty());
        if (conflicts) {
            err().println("hint: settle each conflict with 'ai-lab github resolve ITEM --take local|remote [--field F]'");
            err().flush();
        }
        return conflicts ? 1 : 0;
    }
}
