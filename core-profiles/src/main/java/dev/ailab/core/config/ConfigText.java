package dev.ailab.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of a config file: its bytes read within {@link YamlSource#MAX_BYTES}, then decoded as
 * strict UTF-8. Whatever stands in the way (a folder, a missing or unreadable file, a large or
 * binary file, bytes that are not UTF-8) is recorded as a problem instead.
 */
final class ConfigText {
    private ConfigText() {
    }

    /** The bytes of {@code file}, or null after recording why they cannot be used. */
    static byte[] read(Path file, List<ConfigProblem> problems) {
        try {
            return readBounded(file, problems);
        } catch (IOException e) {
            problems.add(new ConfigProblem(file, 0, 0, describe(e), "check the path and its permissions"));
            return null;
        }
    }

    private static byte[] readBounded(Path file, List<ConfigProblem> problems) throws IOException {
        if (Files.isDirectory(file)) {
            problems.add(new ConfigProblem(file, 0, 0, "is a folder, not a config file", "give the path of a .yaml file"));
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(YamlSource.MAX_BYTES + 1);
            if (bytes.length > YamlSource.MAX_BYTES) {
                long size = Files.isRegularFile(file) ? Files.size(file) : -1;
                problems.add(new ConfigProblem(file, 0, 0,
                        "file is too large (" + (size > 0 ? size + " bytes" : "more than " + YamlSource.MAX_BYTES + " bytes")
                                + "; the limit for a config file is 1 MiB)",
                        "a config file holds a few kilobytes of settings; check that this is the right file"));
                return null;
            }
            return bytes;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot read: " + dev.ailab.core.error.IoMessages.describe(e);
    }

    /**
     * Strict UTF-8 with an optional byte-order mark; binary content is named as such.
     *
     * @return the text, or null after recording why the bytes are not text
     */
    static String decode(Path file, byte[] bytes, List<ConfigProblem> problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
                int[] at = lineColumnOfByte(bytes, start, i);
                problems.add(new ConfigProblem(file, at[0], at[1],
                        String.format("control character U+%04X: this looks like a binary file, not YAML text", b),
                        "config files are UTF-8 YAML text; check that this is the right file"));
                return null;
            }
        }
        try {
            return strictUtf8().decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8(bytes, start);
            int[] at = lineColumnOfByte(bytes, start, offset);
            problems.add(new ConfigProblem(file, at[0], at[1],
                    String.format("not a UTF-8 text file (byte 0x%02X cannot start a character)", bytes[offset] & 0xff),
                    "config files are UTF-8 YAML text; check that this is the right file, or re-save it as UTF-8"));
            return null;
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int firstInvalidUtf8(byte[] bytes, int start) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        strictUtf8().decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    private static int[] lineColumnOfByte(byte[] bytes, int start, int offset) {
        int line = 1;
        int col = 1;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
