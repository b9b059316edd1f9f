package dev.ailab.integrations.github;

import dev.ailab.core.error.OperationFailedException;
import dev.ailab.sources.git.FolderPublisher;
import dev.ailab.sources.git.GitProgress;
import dev.ailab.sources.git.GitSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code vectorweight repos create} and {@code generate} with {@code auto_create_repositories}:
 * the repository on GitHub (found or created), then the generated folder committed and pushed
 * to its default branch through {@link GitSources}, fast-forward only. The token reaches git
 * only through {@link GithubSettings#gitAuth()}.
 */
public final class GitopsPublish {
    public static final String BRANCH = "main";
    /** The generator's own state stays out of the pushed history. */
    public static final List<String> EXCLUDED = List.of(".vectorweight/");

    private GitopsPublish() {
    }

    /**
     * {@code push}: {@code pushed}, {@code up-to-date} or with a dry run {@code would-push};
     * {@code commit}: what the branch holds after the run (null with a dry run).
     */
    public record Result(String repository, String action, boolean privateRepository, String ownerKind, String url,
                         String branch, String push, String commit, boolean committed) {
    }

    public static FolderPublisher publisher(Map<String, String> env) {
        return new FolderPublisher(GitSources.detect(env), EXCLUDED, "vectorweight", "vectorweight@localhost");
    }

    public static Result run(GithubSettings settings, GithubRepositories.Target target, String url, Path dir, boolean dryRun,
                             Map<String, String> env, Consumer<String> progress) {
        if (!Files.isDirectory(dir)) {
            throw new OperationFailedException(dir + " does not exist: there is no generated repository to push",
                    "run 'vectorweight generate' first (or pass the folder with --dir)");
        }
        GithubClient client = GithubClient.connect(settings, Duration.ofMinutes(5), progress);
        GithubRepositories.Outcome repo = new GithubRepositories(client).ensure(target, dryRun);
        if (dryRun) {
            return new Result(repo.repository(), repo.action(), repo.privateRepository(), repo.ownerKind(), url, BRANCH,
                    "would-push", null, false);
        }
        FolderPublisher.Published p = publisher(env).publish(dir, url, BRANCH, "vectorweight generate", settings.gitAuth(),
                GitProgress.NONE);
        return new Result(repo.repository(), repo.action(), repo.privateRepository(), repo.ownerKind(), url, BRANCH,
                p.pushed() ? "pushed" : "up-to-date", p.commit(), p.committed() != null);
    }
}
