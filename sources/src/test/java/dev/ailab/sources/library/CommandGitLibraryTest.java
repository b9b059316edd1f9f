package dev.ailab.sources.library;

import dev.ailab.core.testing.RequiredTool;
import dev.ailab.sources.git.CommandGit;
import dev.ailab.sources.git.GitClient;
import java.time.Duration;
import java.util.Map;

/** The library scenarios over the git command. */
class CommandGitLibraryTest extends LibraryScenarios {
    @Override
    GitClient client() {
        return new CommandGit(RequiredTool.onPath("git").toString(), Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString()),
                Duration.ofSeconds(60));
    }
}
