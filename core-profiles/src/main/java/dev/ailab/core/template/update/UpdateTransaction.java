package dev.ailab.core.template.update;

import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.FileTrees;
import dev.ailab.core.io.Sha256;
import dev.ailab.core.template.ProjectGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies an update to a project so that a failure or a kill leaves it as it was, and keeps what
 * {@code project update --undo} needs to put it back.
 *
 * <ol>
 * <li>Every new file is written into {@code .ai-lab/update/staging/} (the project is untouched).
 * <li>The journal {@code .ai-lab/update/applying.zip} is written atomically: the bytes (and the
 *     executable bit) of every file the update will replace or delete, the list of files it will
 *     create, and the hash of what it will write.
 * <li>The staged files are renamed into place one by one and the removed ones deleted.
 * <li>The journal is renamed to {@code .ai-lab/update/undo.zip}: the update is done.
 * </ol>
 * An error in step 3 rolls back at once from the journal. A kill in step 3 leaves the journal
 * behind; the next {@code project update} or {@code project status} finds it and rolls back
 * before doing anything else.
 */
public final class UpdateTransaction {
    public static final String STAGING = ProjectGenerator.UPDATE_DIR + "/staging";
    public static final String JOURNAL = ProjectGenerator.UPDATE_DIR + "/applying.zip";
    public static final String UNDO = ProjectGenerator.UPDATE_DIR + "/undo.zip";
    private static final String BEFORE = "before/";
    private static final String ABSENT = "absent.txt";
    private static final String EXECUTABLE = "executable.txt";
    private static final String AFTER = "after.sha256";
    private static final String DELETED = "-";

    /** A test seam called after each file is put in place; an {@link Error} thrown from it stands for a kill. */
    @FunctionalInterface
    public interface Observer {
        void placed(String path, int index);
    }

    /** A file to write: its bytes and whether it is executable. */
    public record NewFile(byte[] content, boolean executable) {
    }

    private UpdateTransaction() {
    }

    /**
     * Writes {@code writes} and deletes {@code deletes} (paths relative to {@code project}).
     * Leaves the project as it was on any error.
     */
    public static void apply(Path project, Map<String, NewFile> writes, Set<String> deletes, Observer observer) {
        Path staging = project.resolve(STAGING);
        List<String> order = new ArrayList<>(writes.keySet());
        try {
            FileTrees.deleteQuietly(staging);
            Files.createDirectories(staging);
            for (int i = 0; i < order.size(); i++) {
                Files.write(staging.resolve(Integer.toString(i)), writes.get(order.get(i)).content());
            }
        } catch (IOException e) {
            FileTrees.deleteQuietly(staging);
            throw new UncheckedIOException("cannot stage the update in " + staging + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(project.resolve(JOURNAL), journal(project, writes, deletes));
        try {
            for (int i = 0; i < order.size(); i++) {
                String path = order.get(i);
                Path dest = project.resolve(path);
                Files.createDirectories(dest.getParent());
                move(staging.resolve(Integer.toString(i)), dest);
                executable(dest, writes.get(path).executable());
                observer.placed(path, i);
            }
            int i = order.size();
            for (String path : deletes) {
                Path file = project.resolve(path);
                Files.deleteIfExists(file);
                pruneEmptyFolders(project, file.getParent());
                observer.placed(path, i++);
            }
            move(project.resolve(JOURNAL), project.resolve(UNDO));
        } catch (IOException e) {
            rollBack(project);
            throw new UncheckedIOException("cannot apply the update to " + project + " (nothing was changed): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollBack(project);
            throw e;
        }
        FileTrees.deleteQuietly(staging);
    }

    /** True when an update was cut short and its journal is still there. */
    public static boolean interrupted(Path project) {
        return Files.isRegularFile(project.resolve(JOURNAL));
    }

    /** Puts back every file an interrupted update touched, and drops its journal. */
    public static void rollBack(Path project) {
        Path journal = project.resolve(JOURNAL);
        Map<String, byte[]> saved = Snapshot.read(journal);
        if (saved != null) {
            restore(project, saved);
        }
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + journal + ": " + e.getMessage(), e);
        }
        FileTrees.deleteQuietly(project.resolve(STAGING));
    }

    /** Files an undo would overwrite that changed since the update: what the update wrote differs from what is there. */
    public static List<String> changedSinceUpdate(Path project) {
        Map<String, byte[]> saved = Snapshot.read(project.resolve(UNDO));
        if (saved == null) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : ProjectGenerator.parseChecksums(saved.get(AFTER)).entrySet()) {
            Path file = project.resolve(e.getKey());
            boolean regular = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
            boolean same = e.getValue().equals(DELETED) ? !Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    : regular && e.getValue().equals(Sha256.ofFile(file));
            if (!same && !e.getKey().startsWith(ProjectGenerator.META + "/")) {
                changed.add(e.getKey());
            }
        }
        return changed;
    }

    /** Whether there is an update to undo. */
    public static boolean undoable(Path project) {
        return Files.isRegularFile(project.resolve(UNDO));
    }

    /**
     * Puts the project back as it was before the last update and forgets that update.
     *
     * @return the files put back (restored or removed), sorted
     */
    public static List<String> undo(Path project) {
        Path undo = project.resolve(UNDO);
        Map<String, byte[]> saved = Snapshot.read(undo);
        if (saved == null) {
            throw new OperationFailedException("nothing to undo in " + project + ": no update was recorded there",
                    "'ai-lab project update --undo' undoes the last 'ai-lab project update'; it keeps one level");
        }
        List<String> touched = restore(project, saved);
        try {
            Files.deleteIfExists(undo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + undo + ": " + e.getMessage(), e);
        }
        return touched;
    }

    private static byte[] journal(Path project, Map<String, NewFile> writes, Set<String> deletes) {
        Map<String, byte[]> entries = new TreeMap<>();
        Set<String> absent = new TreeSet<>();
        Set<String> executable = new TreeSet<>();
        Map<String, String> after = new TreeMap<>();
        Set<String> touched = new TreeSet<>(writes.keySet());
        touched.addAll(deletes);
        for (String path : touched) {
            Path file = project.resolve(path);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    entries.put(BEFORE + path, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot save " + file + " before the update: " + e.getMessage(), e);
                }
                if (Files.isExecutable(file)) {
                    executable.add(path);
                }
            } else {
                absent.add(path);
            }
            NewFile nf = writes.get(path);
            after.put(path, nf == null ? DELETED : Sha256.of(nf.content()));
        }
        entries.put(ABSENT, String.join("\n", absent).getBytes(StandardCharsets.UTF_8));
        entries.put(EXECUTABLE, String.join("\n", executable).getBytes(StandardCharsets.UTF_8));
        entries.put(AFTER, ProjectGenerator.sha256sums(after));
        return Snapshot.write(entries);
    }

    private static List<String> restore(Path project, Map<String, byte[]> saved) {
        Set<String> executable = lines(saved.get(EXECUTABLE));
        List<String> touched = new ArrayList<>();
        Map<String, byte[]> before = new LinkedHashMap<>();
        saved.forEach((name, bytes) -> {
            if (name.startsWith(BEFORE)) {
                before.put(name.substring(BEFORE.length()), bytes);
            }
        });
        try {
            for (Map.Entry<String, byte[]> e : before.entrySet()) {
                Path file = project.resolve(e.getKey());
                if (!AtomicFiles.hasContent(file, e.getValue())) {
                    Files.createDirectories(file.getParent());
                    AtomicFiles.write(file, e.getValue());
                }
                executable(file, executable.contains(e.getKey()));
                touched.add(e.getKey());
            }
            for (String path : lines(saved.get(ABSENT))) {
                Path file = project.resolve(path);
                if (Files.deleteIfExists(file)) {
                    pruneEmptyFolders(project, file.getParent());
                }
                touched.add(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put back the files of " + project + ": " + e.getMessage(), e);
        }
        touched.sort(null);
        return touched;
    }

    private static Set<String> lines(byte[] bytes) {
        Set<String> out = new TreeSet<>();
        if (bytes != null) {
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** Removes folders left empty by a deleted file, up to (not including) the project. */
    static void pruneEmptyFolders(Path project, Path dir) throws IOException {
        for (Path d = dir; d != null && d.startsWith(project) && !d.equals(project); d = d.getParent()) {
            try {
                if (!Files.deleteIfExists(d)) {
                    return;
                }
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void executable(Path file, boolean on) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        perms.addAll(Files.getPosixFilePermissions(file));
        boolean changed = on ? perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE))
                : perms.removeAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
        if (changed) {
            Files.setPosixFilePermissions(file, perms);
        }
    }
}
