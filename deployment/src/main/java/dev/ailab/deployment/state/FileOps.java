package dev.ailab.deployment.state;

import dev.ailab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The writes a {@link StateStore} makes; a seam so tests can inject a crash between two files. */
public interface FileOps {
    void write(Path file, byte[] content);

    void delete(Path file);

    /** Scripts (content starting with {@code #!}) are written executable, so {@code ./deploy.sh} works as printed. */
    Set<PosixFilePermission> SCRIPT = PosixFilePermissions.fromString("rwxr-xr-x");

    static boolean isScript(byte[] content) {
        return content.length > 2 && content[0] == '#' && content[1] == '!';
    }

    /** Sets the execute bits of a script written before scripts were made executable. */
    static void makeExecutable(Path file) {
        try {
            if (Files.isRegularFile(file) && !Files.isExecutable(file)
                    && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                perms.addAll(List.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(file, perms);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " executable: " + e.getMessage(), e);
        }
    }

    /** Atomic writes through {@link AtomicFiles}, plain deletes. */
    static FileOps atomic() {
        return new FileOps() {
            @Override
            public void write(Path file, byte[] content) {
                AtomicFiles.write(file, content, isScript(content) ? SCRIPT : null);
            }

            @Override
            public void delete(Path file) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
