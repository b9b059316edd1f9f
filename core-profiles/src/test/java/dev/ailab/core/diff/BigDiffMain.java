package dev.ailab.core.diff;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link UnifiedDiffHeapTest} with a small heap: diffs two files and
 * writes the diff. Prints the heap limit it ran with, and exits non-zero on any error (an
 * OutOfMemoryError included).
 */
public final class BigDiffMain {
    private BigDiffMain() {
    }

    public static void main(String[] args) throws Exception {
        byte[] before = Files.readAllBytes(Path.of(args[0]));
        byte[] after = Files.readAllBytes(Path.of(args[1]));
        long start = System.nanoTime();
        String diff = UnifiedDiff.forPath(args[3], before, after);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Files.writeString(Path.of(args[2]), diff);
        Runtime rt = Runtime.getRuntime();
        System.out.println("maxMemory=" + rt.maxMemory() + " used=" + (rt.totalMemory() - rt.freeMemory()) + " millis=" + millis);
    }
}
