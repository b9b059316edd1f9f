package dev.ailab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Enough of the shell's word splitting to find the command lines in a help example: quotes,
 * backslashes, comments, pipes and lists ({@code | || && ; &}), command substitution and
 * process substitution ({@code $( )}, {@code <( )}), redirections ({@code > >> < 2> 2>&1}),
 * leading {@code VAR=value} assignments and the keywords of loops. Variables stay as written.
 */
final class ShellWords {
    private static final Set<String> KEYWORDS = Set.of("do", "then", "else", "!", "time", "exec", "xargs");

    private ShellWords() {
    }

    /** A token: a word, or an operator ({@code |}, {@code $(}, {@code >}, ...). */
    record Token(String text, boolean operator) {
    }

    /** Every simple command of {@code line}, as its words without assignments and redirections. */
    static List<List<String>> commands(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<Token> tokens = tokens(line);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.operator()) {
                if (current.isEmpty() && (t.text().matches("[A-Za-z_][A-Za-z0-9_]*=.*") || KEYWORDS.contains(t.text()))) {
                    continue;
                }
                current.add(t.text());
            } else if (t.text().matches("\\d*>>?|<|&>") ) {
                i++; // the redirection's target
            } else if (t.text().matches("\\d*>&\\d+")) {
                continue;
            } else {
                if (!current.isEmpty()) {
                    commands.add(current);
                }
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }

    static List<Token> tokens(String line) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' in: " + line);
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < n && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    word.append(line.charAt(i));
                    i++;
                }
                if (i >= n) {
                    throw new IllegalArgumentException("unclosed \" in: " + line);
                }
                inWord = true;
                i++;
            } else if (c == '\\' && i + 1 < n) {
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                inWord = flush(tokens, word, inWord);
                i++;
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '(') {
                inWord = flush(tokens, word, inWord);
                tokens.add(new Token("$(", true));
                i += 2;
            } else if (c == '<' && i + 1 < n && line.charAt(i + 1) == '(') {
                inWord = flush(tokens, word, inWord);
                tokens.add(new Token("<(", true));
                i += 2;
            } else if (c == '>' || c == '<') {
                String prefix = inWord && word.toString().matches("\\d+") ? word.toString() : "";
                if (prefix.isEmpty()) {
                    inWord = flush(tokens, word, inWord);
                } else {
                    word.setLength(0);
                    inWord = false;
                }
                int j = i + 1;
                if (c == '>' && j < n && line.charAt(j) == '>') {
                    j++;
                }
                if (c == '>' && j < n && line.charAt(j) == '&') {
                    int k = j + 1;
                    while (k < n && Character.isDigit(line.charAt(k))) {
                        k++;
                    }
                    if (k > j + 1) {
                        tokens.add(new Token(prefix + line.substring(i, k), true));
                        i = k;
                        continue;
                    }
                }
                tokens.add(new Token(prefix + line.substring(i, j), true));
                i = j;
            } else if (c == '&' && i + 1 < n && line.charAt(i + 1) == '>') {
                inWord = flush(tokens, word, inWord);
                tokens.add(new Token("&>", true));
                i += 2;
            } else if (c == '|' || c == '&' || c == ';' || c == '(' || c == ')') {
                inWord = flush(tokens, word, inWord);
                int j = i + 1;
                if ((c == '|' || c == '&') && j < n && line.charAt(j) == c) {
                    j++;
                }
                tokens.add(new Token(line.substring(i, j), true));
                i = j;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        flush(tokens, word, inWord);
        return tokens;
    }

    private static boolean flush(List<Token> tokens, StringBuilder word, boolean inWord) {
        if (inWord) {
            tokens.add(new Token(word.toString(), false));
            word.setLength(0);
        }
        return false;
    }
}
