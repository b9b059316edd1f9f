package dev.ailab.sources.git;

import dev.ailab.core.error.ExternalSystemException;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.ToolkitException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns what git said into a message a person can act on, with the documented exit code. */
public final class GitErrors {
    /**
     * HTTP's "unauthorized" as a number of its own: not the digits 401 inside a longer number,
     * such as a temporary folder's name in a path ({@code /tmp/junit-71298125438401235/x.git}).
     */
    private static final Pattern HTTP_401 = Pattern.compile("(?<![0-9])401(?![0-9])");
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
                || lower.contains("authentication is required") || HTTP_401.matcher(lower).find()
                || lower.contains("no more authentication methods")) {
            return new ExternalSystemException(safeUrl + " refused the credentials (" + last + "; tried: "
                    + tried(operation, url, branch) + ")",
                    "for SSH pass --ssh-key with a key the server accepts; for HTTPS put a token in an environment "
                            + "variable and pass --token-env VAR (or set library.token_env)");
        }
        if (lower.contains("host key verification failed") || lower.contains("remote host identification has changed")) {
            return new ExternalSystemException("the SSH host key of " + safeUrl + " does not match known_hosts",
                    "check the server's fingerprint and fix the entry in ~/.ssh/known_hosts");
        }
        if (lower.contains("does not appear to be a git repository") || lower.contains("repository not found")
                || lower.contains("not found") && lower.contains("repository") || lower.contains("could not resolve host")
                || lower.contains("connection refused") || lower.contains("unable to access")
                || lower.contains("could not read from remote") || lower.contains("no route to host")
                || lower.contains("timed out") || lower.contains("unknownhost") || lower.contains("not found")
                || lower.contains("connection reset") || lower.contains("cannot open git-upload-pack")
                || lower.contains("failed to connect") || lower.contains("couldn't connect")) {
            return new ExternalSystemException("cannot reach " + safeUrl + ": " + unreachableReason(lower, text, url)
                    + " (tried: " + tried(operation, url, branch) + ")", reachHint(url));
        }
        return new ExternalSystemException("cannot use " + safeUrl + ": " + significantLine(text)
                + " (tried: " + tried(operation, url, branch) + ")", "run again with -v for git's full output");
    }

    /** Why {@code url} could not be reached, in plain words, from what git said. */
    static String unreachableReason(String lower, String text, String url) {
        String host = host(url);
        if (lower.contains("could not resolve host") || lower.contains("unknownhost") || lower.contains("unknown host")
                || lower.contains("name or service not known") || lower.contains("temporary failure in name resolution")
                || !host.isEmpty() && !isLocal(url) && text.lines().anyMatch(l -> l.strip().equals(host))) {
            return "the host name " + host + " does not resolve";
        }
        if (lower.contains("connection refused") || lower.contains("failed to connect") || lower.contains("couldn't connect")) {
            return "nothing answers at " + hostAndPort(url);
        }
        if (lower.contains("timed out")) {
            return "the connection to " + host + " timed out";
        }
        if (lower.contains("no route to host")) {
            return "there is no network route to " + host;
        }
        if (lower.contains("connection reset")) {
            return "the connection to " + host + " was reset";
        }
        if (lower.contains("does not appear to be a git repository") || lower.contains("repository not found")
                || lower.contains("not found") || lower.contains("cannot open git-upload-pack")) {
            return isLocal(url) ? "there is no git repository at " + localPath(url) : "there is no git repository at that address";
        }
        return significantLine(text);
    }

    /** "cloning branch main over HTTPS": what was tried, for the message. */
    static String tried(String operation, String url, String branch) {
        String verb = switch (operation) {
            case "clone" -> "cloning";
            case "fetch" -> "fetching";
            case "ls-remote" -> "listing the branches";
            case "push" -> "pushing";
            default -> operation;
        };
        return verb + (branch != null && !operation.equals("ls-remote") ? " branch " + branch : "") + " over " + transport(url);
    }

    /** What to check to reach {@code url}, for its kind of transport. */
    static String reachHint(String url) {
        if (isLocal(url)) {
            return "check that " + localPath(url) + " exists and is a git repository (a bare clone or a working copy)";
        }
        String transport = transport(url);
        if (transport.equals("SSH")) {
            String userHost = url.startsWith("ssh://") ? url.substring(6).replaceFirst("[:/].*$", "") : url.replaceFirst(":.*$", "");
            int at = userHost.indexOf('@');
            if (at > 0 && userHost.substring(0, at).contains(":")) {
                userHost = "***" + userHost.substring(at); // a password in the URL stays hidden
            }
            return "check the host name and port, that 'ssh -T " + userHost
                    + "' connects, and the key (--ssh-key or library.ssh_key)";
        }
        return "check the URL (does it open in a browser?), your network and proxy (https_proxy); a private "
                + "repository also needs a token (--token-env VAR or library.token_env)";
    }

    static String transport(String url) {
        String u = url == null ? "" : url;
        if (u.startsWith("https://")) {
            return "HTTPS";
        }
        if (u.startsWith("http://")) {
            return "HTTP";
        }
        if (u.startsWith("git://")) {
            return "the git protocol";
        }
        if (isLocal(u)) {
            return "the local file system";
        }
        return "SSH";
    }

    private static boolean isLocal(String url) {
        return url == null || url.startsWith("file:") || url.startsWith("/") || url.startsWith(".") || url.equals("origin")
                || !url.contains(":");
    }

    private static String localPath(String url) {
        return url.startsWith("file://") ? url.substring("file://".length()) : url.startsWith("file:") ? url.substring(5) : url;
    }

    private static String host(String url) {
        String u = url == null ? "" : url.replaceFirst("^[a-z+]+://", "").replaceFirst("^[^@/]*@", "");
        return u.replaceFirst("[:/].*$", "");
    }

    private static String hostAndPort(String url) {
        String u = url == null ? "" : url.replaceFirst("^[a-z+]+://", "").replaceFirst("^[^@/]*@", "");
        return url != null && url.contains("://") ? u.replaceFirst("/.*$", "") : host(url);
    }

    /** The line of git's output that says what failed: the first "fatal:" or "error:" line, else the last line. */
    static String significantLine(String text) {
        for (String line : text.strip().split("\\R")) {
            String l = line.strip();
            if (l.startsWith("fatal:") || l.startsWith("error:")) {
                return l.replaceFirst("^(fatal|error): ", "");
            }
        }
        return lastLine(text);
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
