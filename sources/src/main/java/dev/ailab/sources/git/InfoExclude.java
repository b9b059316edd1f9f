package dev.ailab.sources.git;

import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code .git/info/exclude}: patterns kept out of commits without a {@code .gitignore} in the tree (both clients read it). */
final class InfoExclude {
    private InfoExclude() {
    }

    /** Adds the patterns that are not listed yet; leaves the others, and the user's own lines, as they are. */
    static void add(Path gitDir, List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return;
        }
        Path file = gitDir.resolve("info/exclude");
        try {
            List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
            boolean changed = false;
            for (String p : patterns) {
                if (!lines.contains(p)) {
                    lines.add(p);
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(file.getParent());
                AtomicFiles.writeString(file, String.join("\n", lines) + "\n");
            }
        } catch (IOException e) {
            throw new OperationFailedException("cannot write " + file + ": " + e.getMessage(), "check the folder's permissions");
        }
    }
}
