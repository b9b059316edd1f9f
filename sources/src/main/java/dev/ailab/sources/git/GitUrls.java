package dev.ailab.sources.git;

import java.util.regex.Pattern;

/**
 * Tells git URLs from folder paths without touching JGit: JGit's jar is signed, and merely
 * loading a class that refers to it costs a signature check (hundreds of milliseconds), which
 * a command that renders a local template must not pay.
 */
public final class GitUrls {
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:.+");

    private GitUrls() {
    }

    /** True for what git itself would take as a remote URL (not a plain folder path). */
    public static boolean looksLikeGitUrl(String text) {
        if (text == null) {
            return false;
        }
        String s = text.trim();
        return s.startsWith("https://") || s.startsWith("http://") || s.startsWith("ssh://") || s.startsWith("git://")
                || s.startsWith("file://") || SCP_LIKE.matcher(s).matches();
    }
}
