package dev.ailab.sources.library;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ailab.sources.git.CommandGit;
import dev.ailab.sources.git.GitClient;
import dev.ailab.sources.git.GitSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The library scenarios over the git command. */
class CommandGitLibraryTest extends LibraryScenarios {
    @Override
    GitClient client() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "git is not installed");
        GitClient c = GitSources.detect(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin"),
                "HOME", tmp.toString())).client();
        assumeTrue(c instanceof CommandGit);
        return new CommandGit("git", Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin"), "HOME", tmp.toString()),
                Duration.ofSeconds(60));
    }
}
