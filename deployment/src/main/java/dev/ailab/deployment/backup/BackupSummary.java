package dev.ailab.deployment.backup;

import java.util.Map;

/**
 * What {@code backup list} and {@code backup info} show of an archive. {@code contents} maps each
 * top-level folder or file to its count of files and bytes. {@code problem} is set when the
 * manifest could not be read.
 */
public record BackupSummary(String file, String name, long size, String createdAt, int formatVersion, boolean includesSecrets,
                            int files, int directories, int links, long contentBytes, boolean checksumFile,
                            Map<String, Part> contents, String problem) {
    /** Files and bytes under one top-level name. */
    public record Part(int files, long bytes) {
    }
}
