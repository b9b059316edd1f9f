package dev.ailab.sources.checkout;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Fetches one revision of a git repository into a folder, for reading (a template, for
 * example): branch, tag or commit. Small on purpose: the full git handler lives in
 * {@code dev.ailab.sources.git}.
 */
public final class GitCheckout {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");

    private GitCheckout() {
    }

    /**
     * Clones {@code url} into the empty or missing folder {@code into} and checks out {@code ref}
     * (a branch, a tag or a commit id; null for the remote's default branch).
     *
     * @return the commit id checked out
     */
    public static String checkout(String url, String ref, Path into) {
        boolean commit = ref != null && COMMIT.matcher(ref).matches();
        var clone = Git.cloneRepository().setURI(url).setDirectory(into.toFile()).setCloneAllBranches(commit);
        if (ref != null && !commit) {
            clone.setBranch(ref);
        }
        try (Git git = clone.call()) {
            if (ref != null && !commit && git.getRepository().resolve("HEAD") != null) {
                // JGit falls back to the default branch when the ref is missing: check it was found.
                if (git.getRepository().exactRef("refs/heads/" + ref) == null
                        && git.getRepository().exactRef("refs/tags/" + ref) == null
                        && git.getRepository().exactRef(ref) == null) {
                    throw new InvalidInputException("git ref '" + ref + "' not found in " + url,
                            "give a branch, a tag or a commit id that exists there");
                }
            }
            if (commit) {
                ObjectId id = git.getRepository().resolve(ref + "^{commit}");
                if (id == null) {
                    throw new InvalidInputException("commit '" + ref + "' not found in " + url,
                            "give a branch, a tag or a commit id that exists there");
                }
                git.checkout().setName(id.name()).call();
            }
            ObjectId head = git.getRepository().resolve("HEAD");
            return head == null ? "" : head.name();
        } catch (InvalidRemoteException | TransportException e) {
            if (ref != null && e.getMessage() != null && e.getMessage().contains("not found in upstream")) {
                throw new InvalidInputException("git ref '" + ref + "' not found in " + url,
                        "give a branch, a tag or a commit id that exists there", e);
            }
            throw new ExternalSystemException("cannot clone " + url + ": " + e.getMessage(),
                    "check the URL, the network and your access to the repository", e);
        } catch (GitAPIException e) {
            throw new ExternalSystemException("git failed on " + url + ": " + e.getMessage(),
                    "check the URL and the ref (--vcs-ref)", e);
        } catch (java.io.IOException e) {
            throw new ExternalSystemException("git failed on " + url + ": " + e.getMessage(), "check the repository", e);
        }
    }
}
