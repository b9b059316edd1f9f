package dev.ailab.core.io;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path pattern with git's meaning (as in {@code .gitignore} and {@code git ls-files}):
 * {@code *} is any run of characters within one folder name, {@code ?} one character,
 * {@code [abc]} one of a set, and {@code **} spans folders: {@code prompts/**}{@code /*.md}
 * matches {@code prompts/a.md} as well as {@code prompts/x/y/a.md} (zero or more folders).
 * A pattern without a {@code /} matches the file name in any folder. Paths use {@code /}.
 * Java's own glob differs: its {@code **}{@code /} needs at least one folder.
 */
public final class Glob {
    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    /**
     * @throws IllegalArgumentException for an unclosed {@code [}, with what is wrong
     */
    public static Glob of(String pattern) {
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        boolean anyFolder = !p.contains("/");
        StringBuilder re = new StringBuilder(anyFolder ? "(?:.*/)?" : "");
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*' && p.startsWith("**", i)) {
                boolean atStart = i == 0 || p.charAt(i - 1) == '/';
                int after = i + 2;
                if (atStart && after < p.length() && p.charAt(after) == '/') {
                    re.append("(?:.*/)?"); // "**/": zero or more folders
                    i = after + 1;
                } else if (atStart && after == p.length()) {
                    re.append(".*"); // "/**" at the end: everything inside
                    i = after;
                } else {
                    re.append("[^/]*"); // "a**b" is two stars, as in git
                    i = after;
                }
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[') {
                int close = p.indexOf(']', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("'[' at position " + (i + 1) + " is never closed with ']'");
                }
                String set = p.substring(i + 1, close);
                boolean negated = set.startsWith("!") || set.startsWith("^");
                String members = (negated ? set.substring(1) : set).replaceAll("([\\\\\\[&^])", "\\\\$1");
                re.append(negated ? "[^/" : "[").append(members).append(']');
                i = close + 1;
            } else if (c == '\\' && i + 1 < p.length()) {
                re.append(Pattern.quote(String.valueOf(p.charAt(i + 1))));
                i += 2;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        try {
            return new Glob(pattern, Pattern.compile(re.toString()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the set in brackets is not valid", e);
        }
    }

    /** Whether {@code path} (relative, with {@code /}) matches. */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
