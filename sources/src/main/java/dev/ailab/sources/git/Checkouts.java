package dev.ailab.sources.git;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * What both clients share for {@link GitClient#checkout}: which refs are taken as commit ids, and
 * the errors, so that a template fetched with the git command fails in the words it did with JGit.
 */
final class Checkouts {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final String HINT_REF = "give a branch, a tag or a commit id that exists there";

    private Checkouts() {
    }

    /** True when {@code ref} is taken as a commit id (7 to 40 hex digits) rather than a branch or tag. */
    static boolean isCommitId(String ref) {
        return ref != null && COMMIT.matcher(ref).matches();
    }

    /** The line of git's stderr that says what went wrong: its first fatal or error line, else its last line. */
    static String firstError(String stderr) {
        for (String line : stderr.strip().split("\\R")) {
            String l = line.strip();
            if (l.startsWith("fatal: ") || l.startsWith("error: ")) {
                return l.substring(l.indexOf(' ') + 1);
            }
        }
        return GitErrors.lastLine(stderr);
    }

    static InvalidInputException refNotFound(String url, String ref, Throwable cause) {
        return new InvalidInputException("git ref '" + ref + "' not found in " + GitErrors.redact(url), HINT_REF, cause);
    }

    static InvalidInputException commitNotFound(String url, String ref) {
        return new InvalidInputException("commit '" + ref + "' not found in " + GitErrors.redact(url), HINT_REF);
    }

    static ExternalSystemException cannotClone(String url, String detail, Throwable cause) {
        return new ExternalSystemException("cannot clone " + GitErrors.redact(url) + ": " + GitErrors.redact(detail),
                "check the URL, the network and your access to the repository", cause);
    }

    static ExternalSystemException failed(String url, String detail, String hint, Throwable cause) {
        return new ExternalSystemException("git failed on " + GitErrors.redact(url) + ": " + GitErrors.redact(detail), hint, cause);
    }
}
