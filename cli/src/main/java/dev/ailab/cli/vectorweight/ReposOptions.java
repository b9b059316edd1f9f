package dev.ailab.cli.vectorweight;

import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.generators.vectorweight.GitopsRepository;
import dev.ailab.generators.vectorweight.Vectorweight;
import dev.ailab.integrations.github.GithubRepositories;
import dev.ailab.integrations.github.GithubSettings;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What every {@code vectorweight repos} command reads: the config, the generated folder, GitHub's settings. */
public class ReposOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The vectorweight config file.")
    Path config;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The generated repository (default: ./<project_name>-deployment).")
    Path dir;

    /** The config, its GitOps repository and folder, and GitHub's settings, for one run. */
    record Resolved(ToolkitConfig config, GitopsRepository repository, Path dir, GithubSettings settings) {
        GithubRepositories.Target target() {
            return new GithubRepositories.Target(repository.owner(), repository.name(), repository.privateRepository(),
                    repository.description(), repository.topics());
        }
    }

    Resolved resolve(CommandSpec spec) {
        RunContext context = RootCommand.contextOf(spec);
        ToolkitConfig cfg = new Vectorweight(context.configLoader()).validate(context.workingDir().resolve(config));
        Path out = dir == null ? Vectorweight.defaultOutput(context.workingDir(), cfg) : context.workingDir().resolve(dir);
        return resolved(cfg, out, context);
    }

    static Resolved resolved(ToolkitConfig cfg, Path out, RunContext context) {
        return new Resolved(cfg, GitopsRepository.of(cfg), out, GithubSettings.of(cfg.github, context.env()));
    }

    /** Exit 2 when the config names no owner: the repository would have no place on GitHub. */
    static void requireOwner(Resolved r, String what) {
        if (r.repository().placeholder()) {
            throw new InvalidInputException(what + " needs github.owner: the user or organisation the repository belongs to",
                    "set github.owner in the config (your GitHub user name or an organisation's)");
        }
    }
}
