package dev.ailab.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way we write a user's file: a temporary file in the same folder, fsync, rename.
 * A crash leaves the old file or the new one, never half of one.
 */
public final class AtomicFiles {
    /** Owner read/write only: for secrets and identities. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8), null);
    }

    public static void write(Path target, byte[] content) {
        write(target, content, null);
    }

    /**
     * Writes {@code content} to {@code target} atomically. When {@code permissions} is given the
     * temporary file is created with them, so the content is never readable by others, even briefly.
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
        write(target, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }, permissions);
    }

    /** Streaming form for large content: the writer fills the channel of the temporary file. */
    public static void write(Path target, ChannelWriter writer, Set<PosixFilePermission> permissions) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp = createTemp(dir, target.getFileName().toString(), permissions);
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    writer.write(channel);
                    channel.force(true);
                }
                move(temp, target);
                fsyncDirectory(dir);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static Path createTemp(Path dir, String name, Set<PosixFilePermission> permissions) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attrs = permissions != null && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createFile(temp, attrs);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every file system lets a folder be opened, so failures are ignored. */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    /** Returns true when {@code target} exists and holds exactly {@code content}. */
    public static boolean hasContent(Path target, byte[] content) {
        try {
            return Files.isRegularFile(target) && Files.size(target) == content.length
                    && Arrays.equals(Files.readAllBytes(target), content);
        } catch (IOException e) {
            return false;
        }
    }

    /** Fills a file channel. */
    @FunctionalInterface
    public interface ChannelWriter {
        void write(FileChannel channel) throws IOException;
    }
}
