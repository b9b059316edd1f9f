package dev.ailab.sources.git;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.sources.SourceHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The git source handler: clones a repository into a folder, or brings an existing clone to the
 * branch's newest commit. It is the plain "make this folder hold that branch" form, for
 * vectorweight's airgapped git mirror (a mirror has no local edits to keep, so an existing clone
 * is moved with local changes dropped). Made by {@link GitSources#handler}, whose client and
 * credentials it uses.
 */
final class GitSourceHandler implements SourceHandler {
    private final GitSources git;
    private final GitAuth auth;
    private final GitProgress progress;

    GitSourceHandler(GitSources git, GitAuth auth, GitProgress progress) {
        this.git = git;
        this.auth = auth == null ? GitAuth.none() : auth;
        this.progress = progress == null ? GitProgress.NONE : progress;
    }

    @Override
    public String kind() {
        return "git";
    }

    @Override
    public boolean supports(String location) {
        if (location == null) {
            return false;
        }
        String l = location.toLowerCase(Locale.ROOT);
        return l.endsWith(".git") || l.startsWith("git@") || l.startsWith("ssh://") || l.startsWith("git://")
                || l.startsWith("file://") && !l.endsWith(".tar.gz") && !l.endsWith(".zip");
    }

    @Override
    public SourceRevision materialize(SourceRequest request, Path target) {
        String branch = request.revision() == null ? "main" : request.revision();
        if (Files.isDirectory(target.resolve(".git"))) {
            GitClient.GitRepository repo = git.open(target);
            String remote = repo.remoteUrl();
            if (remote != null && request.location() != null && !remote.equals(request.location())) {
                throw new InvalidInputException(target + " is a clone of " + GitErrors.redact(remote) + ", not of "
                        + GitErrors.redact(request.location()), "choose another folder or remove this one");
            }
            String id = repo.fetch(branch, auth, progress);
            repo.forceTo(id);
            return new SourceRevision(id, repo.commit(id).subject(), GitErrors.redact(request.location()), -1, null);
        }
        if (Files.exists(target)) {
            throw new InvalidInputException(target + " exists and is not a git clone", "choose an empty or missing folder");
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git.cloneBranch(request.location(), branch, request.depth(), target, auth, progress);
        GitClient.GitRepository repo = git.open(target);
        String id = repo.resolve("HEAD");
        return new SourceRevision(id, repo.commit(id).subject(), GitErrors.redact(request.location()), -1, null);
    }
}
