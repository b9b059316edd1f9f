package dev.ailab.cli.vectorweight;

import dev.ailab.generators.bundle.BundleProgress;
import java.io.PrintWriter;

/**
 * Progress of the bundle commands as one plain line per step on stderr. The one place to swap
 * for the shared progress display (a bar on a terminal) once core has it.
 */
final class BundleLines {
    private BundleLines() {
    }

    static BundleProgress to(PrintWriter err) {
        return line -> {
            err.println(line);
            err.flush();
        };
    }
}
