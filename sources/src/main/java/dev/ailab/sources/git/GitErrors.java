package dev.ailab.sources.git;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.ToolkitException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns what git said into a message a person can act on, with the documented exit code. */
public final class GitErrors {
    private static final Pattern USERINFO = Pattern.compile("(?<=://)[^/@\\s]+@");

    private GitErrors() {
    }

    /** Removes {@code user:token@} from URLs so a secret written into a URL is never printed. */
    public static String redact(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("***@");
    }

    /**
     * Classifies a failure of an operation against {@code url}. {@code detail} is git's own
     * message (stderr of the command or the JGit exception message).
     */
    public static ToolkitException remoteFailure(String operation, String url, String branch, String detail) {
        String safeUrl = redact(url);
        String text = redact(detail == null ? "" : detail.strip());
        String lower = text.toLowerCase(Locale.ROOT);
        String last = lastLine(text);
        if (lower.contains("incorrect passphrase") || lower.contains("bad passphrase")
                || lower.contains("wrong passphrase") || lower.contains("passphrase is wrong")
                || lower.contains("could not decrypt key")) {
            return new InvalidInputException("the passphrase of the SSH key is wrong",
                    "enter the passphrase again, or check which key --ssh-key points to");
        }
        if (branch != null && (lower.matches("(?s).*remote branch '?" + Pattern.quote(branch.toLowerCase(Locale.ROOT)) + "'? not found.*")
                || lower.contains("couldn't find remote ref") || lower.contains("remote ref does not exist")
                || lower.contains("cannot resolve branch") || lower.contains("no such branch"))) {
            return new InvalidInputException("branch '" + branch + "' does not exist in " + safeUrl,
                    "check the branch name with: git ls-remote --heads " + safeUrl);
        }
        if (lower.contains("permission denied") || lower.contains("authentication failed")
                || lower.contains("could not read username") || lower.contains("could not read password")
                || lower.contains("not authorized") || lower.contains("auth fail")
                || lower.contains("authentication is required") || lower.contains("401")
                || lower.contains("no more authentication methods")) {
            return new ExternalSystemException(operation + " failed: " + safeUrl + " refused the credentials (" + last + ")",
                    "for SSH pass --ssh-key with a key the server accepts; for HTTPS put a token in an environment "
                            + "variable and pass --token-env VAR (or set library.token_env)");
        }
        if (lower.contains("host key verification failed") || lower.contains("remote host identification has changed")) {
            return new ExternalSystemException(operation + " failed: the SSH host key of " + safeUrl + " does not match known_hosts",
                    "check the server's fingerprint and fix the entry in ~/.ssh/known_hosts");
        }
        if (lower.contains("does not appear to be a git repository") || lower.contains("repository not found")
                || lower.contains("not found") && lower.contains("repository") || lower.contains("could not resolve host")
                || lower.contains("connection refused") || lower.contains("unable to access")
                || lower.contains("could not read from remote") || lower.contains("no route to host")
                || lower.contains("timed out") || lower.contains("unknownhost") || lower.contains("not found")
                || lower.contains("connection reset") || lower.contains("cannot open git-upload-pack")) {
            return new ExternalSystemException("cannot reach " + safeUrl + ": " + last,
                    "check the URL, your network, and that the repository exists and you may read it");
        }
        return new ExternalSystemException(operation + " of " + safeUrl + " failed: " + last,
                "run again with -v for git's full output");
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("hint:")) {
                return line.replaceFirst("^(fatal|error): ", "");
            }
        }
        return "no message";
    }
}
