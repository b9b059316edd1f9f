package dev.ailab.sources.library;

import dev.ailab.sources.git.GitClient;
import dev.ailab.sources.git.JGitClient;
import java.time.Duration;

/** The library scenarios over JGit, the fallback when git is not installed. */
class JGitLibraryTest extends LibraryScenarios {
    @Override
    GitClient client() {
        return new JGitClient(Duration.ofSeconds(60));
    }
}
