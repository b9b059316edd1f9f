package dev.ailab.core.io;

import java.io.PrintWriter;

/**
 * Progress of long work (a clone, many clusters, an import, a large backup) as one line on
 * stderr that redraws itself: {@code cloning [########........] 40% 400/1000}. Shown only where
 * a person watches: {@link #on} gets the decision (stderr is a terminal and not {@code -q}) and
 * whether colour is allowed ({@code NO_COLOR} unset); everywhere else {@link #NONE} prints nothing,
 * so a pipe or a log never receives carriage returns. Redraws at most every 100 ms, and whenever
 * the task changes. Thread-safe.
 */
public class Progress implements AutoCloseable {
    /** Prints nothing. */
    public static final Progress NONE = new Progress(null, false, System::nanoTime);

    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final String GREEN = "\u001b[32m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter err;
    private final boolean colour;
    private final java.util.function.LongSupplier clock;
    private String task;
    private long lastDraw = Long.MIN_VALUE;
    private int lastWidth;
    private boolean drawn;

    Progress(PrintWriter err, boolean colour, java.util.function.LongSupplier clock) {
        this.err = err;
        this.colour = colour;
        this.clock = clock;
    }

    /**
     * Progress on {@code err} when {@code shown}, else {@link #NONE}; {@code colour} false keeps
     * it to plain characters.
     */
    public static Progress on(PrintWriter err, boolean shown, boolean colour) {
        return shown && err != null ? new Progress(err, colour, System::nanoTime) : NONE;
    }

    /** Whether anything is ever printed. */
    public boolean shown() {
        return err != null;
    }

    /** {@code done} of {@code total} units of {@code taskName}; {@code total} 0 when unknown. */
    public synchronized void step(String taskName, long done, long total) {
        if (err == null) {
            return;
        }
        long now = clock.getAsLong();
        boolean newTask = !taskName.equals(task);
        boolean finished = total > 0 && done >= total;
        if (!newTask && !finished && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        if (newTask && drawn) {
            err.print("\n"); // keep the finished task's last line
        }
        task = taskName;
        lastDraw = now;
        String line = render(taskName, done, total);
        int pad = Math.max(0, lastWidth - line.length());
        lastWidth = line.length();
        err.print("\r" + decorate(line) + " ".repeat(pad));
        err.flush();
        drawn = true;
    }

    private static String render(String taskName, long done, long total) {
        if (total <= 0) {
            return taskName + " " + done;
        }
        long clamped = Math.min(Math.max(done, 0), total);
        int filled = (int) (BAR * clamped / total);
        return taskName + " [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
                + (100 * clamped / total) + "% " + clamped + "/" + total;
    }

    private String decorate(String line) {
        int open = line.indexOf('[');
        if (!colour || open < 0) {
            return line;
        }
        int close = line.indexOf(']', open);
        return line.substring(0, open + 1) + GREEN + line.substring(open + 1, close) + RESET + line.substring(close);
    }

    /** Ends the line, so what follows starts on a fresh one. */
    @Override
    public synchronized void close() {
        if (err != null && drawn) {
            err.print("\n");
            err.flush();
            drawn = false;
            task = null;
        }
    }
}
