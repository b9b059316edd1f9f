package dev.ailab.sources.archive;

/**
 * How much one archive may unpack to: the entry count, the total bytes written and the ratio of
 * unpacked to packed bytes. They stop archive bombs before the disk fills. The defaults hold a
 * full vectorweight bundle (a few hundred charts and image layers, some GB) with room to spare.
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, long maxRatio) {
    public static final int DEFAULT_MAX_ENTRIES = 20_000;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 16L << 30;
    public static final long DEFAULT_MAX_RATIO = 200;

    /** Ratios are only judged past this many unpacked bytes: tiny files compress very well. */
    static final long RATIO_FLOOR = 1L << 20;

    public static ArchiveLimits defaults() {
        return new ArchiveLimits(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_RATIO);
    }
}
