package dev.ailab.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void drawsABarThatRedrawsItselfAndEndsTheLine() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong();
        try (Progress p = new Progress(new PrintWriter(out), false, now::get)) {
            p.step("cloning", 0, 10);
            now.addAndGet(200_000_000L);
            p.step("cloning", 5, 10);
            p.step("cloning", 6, 10); // within 100 ms: not drawn
            p.step("cloning", 10, 10); // the last step is always drawn
        }
        assertThat(out.toString()).isEqualTo("\rcloning [........................] 0% 0/10"
                + "\rcloning [############............] 50% 5/10"
                + "\rcloning [########################] 100% 10/10\n");
        assertThat(out.toString()).doesNotContain("\u001b");
    }

    @Test
    void colourOnlyWhenAllowed() {
        StringWriter out = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(out), true, () -> 0L)) {
            p.step("import", 1, 2);
        }
        assertThat(out.toString()).contains("[\u001b[32m############............\u001b[0m] 50%");
    }

    @Test
    void notShownPrintsNothing() {
        StringWriter out = new StringWriter();
        Progress p = Progress.on(new PrintWriter(out), false, true);
        p.step("x", 1, 2);
        p.close();
        assertThat(p.shown()).isFalse();
        assertThat(out.toString()).isEmpty();
    }
}
