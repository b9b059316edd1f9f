package dev.ailab.cli.vectorweight;

import dev.ailab.cli.ProgressOutput;
import dev.ailab.cli.Verbosity;
import dev.ailab.core.io.Progress;
import dev.ailab.generators.bundle.BundleProgress;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How the bundle commands report their work on stderr. On a terminal: the shared progress line
 * ({@link ProgressOutput}: charts, renders, images, bytes, redrawn; no colour under NO_COLOR).
 * Elsewhere (a pipe, a log): one plain line per step. With {@code -q}: nothing.
 */
final class BundleLines implements BundleProgress, AutoCloseable {
    private final Progress bar;
    private final PrintWriter plain;

    private BundleLines(Progress bar, PrintWriter plain) {
        this.bar = bar;
        this.plain = plain;
    }

    static BundleLines of(CommandSpec spec) {
        Progress bar = ProgressOutput.of(spec);
        if (bar.shown()) {
            return new BundleLines(bar, null);
        }
        var parsed = spec.root().commandLine().getParseResult();
        boolean quiet = parsed != null && Verbosity.of(parsed).level() < 0;
        return new BundleLines(Progress.NONE, quiet ? null : spec.commandLine().getErr());
    }

    @Override
    public void line(String line) {
        if (plain != null) {
            synchronized (plain) {
                plain.println(line);
                plain.flush();
            }
        }
    }

    @Override
    public void count(String task, long done, long total) {
        bar.step(task, done, total);
    }

    @Override
    public void close() {
        bar.close();
    }
}
