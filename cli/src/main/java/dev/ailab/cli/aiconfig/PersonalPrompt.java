package dev.ailab.cli.aiconfig;

import dev.ailab.cli.RunContext;
import dev.ailab.sources.library.SyncFolders.Candidate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Asks, on a terminal, where {@code personal/} should live: a folder a sync tool already shares
 * (proposed first, as its own sub-folder) or the default beside {@code library/}. Enter takes the
 * first choice; a number picks one; anything else is a folder. Reads the run's standard input,
 * so tests answer it as a person would.
 */
final class PersonalPrompt {
    private PersonalPrompt() {
    }

    static Path ask(RunContext context, PrintWriter err, Path defaultFolder, List<Candidate> candidates) {
        err.println("Where should personal/ (your own files and overrides) live?");
        int n = 1;
        for (Candidate c : candidates) {
            err.println("  " + n++ + ") " + c.suggested() + "   (in a folder " + c.tool() + " syncs)");
        }
        err.println("  " + n + ") " + defaultFolder + "   (beside library/, not synced)");
        err.print("Choice [1], or a folder: ");
        err.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        String a = answer == null ? "" : answer.strip();
        Path chosen;
        if (a.isEmpty()) {
            chosen = candidates.isEmpty() ? defaultFolder : candidates.get(0).suggested();
        } else if (a.matches("\\d+") && Integer.parseInt(a) >= 1 && Integer.parseInt(a) <= candidates.size() + 1) {
            int i = Integer.parseInt(a);
            chosen = i <= candidates.size() ? candidates.get(i - 1).suggested() : defaultFolder;
        } else {
            chosen = context.resolve(a);
        }
        err.println("personal/ will be " + chosen);
        err.flush();
        return chosen;
    }
}
