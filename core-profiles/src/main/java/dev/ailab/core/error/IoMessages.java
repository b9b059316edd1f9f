package dev.ailab.core.error;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * What a failed file operation means, in words a person can act on. The JDK's own messages are
 * often only the path ({@code NoSuchFileException}), a decoder's state ("Input length = 1") or a
 * library's wording ("Not in GZIP format"); these say what is wrong and what to check.
 */
public final class IoMessages {
    private IoMessages() {
    }

    /** What went wrong, without the path (the caller names it): "no such file or folder". */
    public static String describe(Throwable e) {
        String raw = e.getMessage() == null ? "" : e.getMessage();
        String lower = raw.toLowerCase(Locale.ROOT);
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof FileSystemLoopException) {
            return "the folder links back to itself";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text (is it a binary file?)";
        }
        if (lower.contains("no space left")) {
            return "no space left on the disk";
        }
        if (lower.contains("is a directory")) {
            return "it is a folder, not a file";
        }
        if (lower.contains("read-only file system")) {
            return "the file system is read-only";
        }
        if (e instanceof ZipException || lower.contains("gzip format") || lower.contains(".gz format")) {
            return lower.contains("format") ? "not a gzip file" : "the compressed data is damaged";
        }
        if (e instanceof EOFException || lower.contains("unexpected end of")) {
            return "the file ends too early (truncated)";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return raw.isBlank() ? "input/output error" : raw;
    }

    /** What to check for {@code e}. */
    public static String hint(Throwable e) {
        String what = describe(e);
        return switch (what) {
            case "no such file or folder" -> "check the path";
            case "permission denied", "the file system is read-only" -> "check the owner and permissions of the file and its folder";
            case "it already exists" -> "remove it or choose another path";
            case "not UTF-8 text (is it a binary file?)" -> "give a UTF-8 text file; check that this is the right file";
            case "no space left on the disk" -> "free some disk space and try again";
            case "it is a folder, not a file", "a part of the path is a file, not a folder" -> "check the path";
            case "not a gzip file", "the compressed data is damaged", "the file ends too early (truncated)" ->
                    "check that this is the right file and that it was copied completely";
            default -> "check the path, the free space and the permissions";
        };
    }

    /**
     * {@code message} with the cause's raw text at its end replaced by {@link #describe}: for
     * messages built as {@code "cannot read " + file + ": " + e.getMessage()}.
     */
    public static String reword(String message, Throwable cause) {
        if (message == null || cause == null) {
            return message;
        }
        String raw = cause.getMessage();
        String plain = describe(cause);
        if (raw != null && !raw.isEmpty() && message.endsWith(raw) && !raw.equals(plain)) {
            return message.substring(0, message.length() - raw.length()) + plain;
        }
        return message;
    }
}
