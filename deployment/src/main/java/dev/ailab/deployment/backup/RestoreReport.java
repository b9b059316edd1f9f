package dev.ailab.deployment.backup;

import java.util.List;

/**
 * What a restore (or {@code --undo}) did, or with {@code dryRun} would do. {@code created},
 * {@code replaced} and {@code removed} are paths under the target: {@code removed} are files
 * that are there now, under a name the restore swaps, but not in what it puts back, so they
 * leave the live tree. Everything replaced or removed is kept in {@code keptAside}
 * ({@code keptAsideBytes} big), which {@code --undo} puts back; {@code pruned} are the kept
 * folders of older restores deleted to keep the last few, {@code cleaned} staging folders
 * left by a restore that was killed.
 */
public record RestoreReport(String file, String target, boolean dryRun, List<String> created, List<String> replaced,
                            List<String> removed, int unchanged, String keptAside, Long keptAsideBytes,
                            List<Kept> pruned, List<String> cleaned) {

    /** A folder of kept files: where and how big. */
    public record Kept(String path, long bytes) {
    }
}
