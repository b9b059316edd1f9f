package dev.ailab.deployment.backup;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.FileTrees;
import dev.ailab.deployment.secrets.Permissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a verified backup: everything is first extracted (and checked again) into a staging
 * folder inside the target; only then each top-level name is swapped in, what it replaces moved
 * to {@code target/.replaced-<time>/} with a list of the swapped names, so {@link #undo} can put
 * it back. A failure in the swap puts back what was moved. After a restore only the newest
 * {@code keepReplaced} such folders are kept; a staging folder left by a killed restore is
 * removed by the next one.
 */
public final class BackupRestorer {
    private static final Logger LOG = LoggerFactory.getLogger(BackupRestorer.class);
    /** Inside a kept folder: the top-level names the restore swapped, one a line. Never a backup name (BackupScope skips .restore-*). */
    static final String RECORD = ".restore-names";
    static final String STAGING_PREFIX = ".restore-";
    static final String ASIDE_PREFIX = ".replaced-";

    private final Path baseDir;
    private final BackupVerifier verifier;
    private final Consumer<String> warnings;
    private final Clock clock;

    /** @param baseDir where a restore goes when no target is given */
    public BackupRestorer(Path baseDir, BackupVerifier verifier, Consumer<String> warnings, Clock clock) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.verifier = verifier;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** What one path should be after the swap: from the manifest, or from a kept folder for an undo. */
    private record Wanted(String path, String type, long size, String sha256, String linkTarget) {
    }

    /** Restores {@code archive} into {@code target} (default the base folder); with {@code dryRun} only the plan is returned. */
    public RestoreReport restore(Path archive, Path target, boolean dryRun, int keepReplaced) {
        Path root = rootOf(target);
        VerifyReport report = verifier.verify(archive);
        if (!report.ok()) {
            throw new OperationFailedException(archive + " failed verification (" + report.problems().size()
                    + (report.problems().size() == 1 ? " problem: " : " problems, first: ")
                    + report.problems().get(0) + "); nothing was restored", "run 'ai-lab backup verify " + archive + "' for the full list");
        }
        BackupManifest manifest = BackupFormat.manifestOf(archive);
        List<Wanted> wanted = new ArrayList<>();
        for (BackupManifest.Entry e : manifest.entries) {
            wanted.add(new Wanted(strip(e.path), e.type, e.size, e.sha256, e.linkTarget));
        }
        List<String> tops = topLevelNames(manifest);
        return swap(root, archive.toString(), wanted, tops, dryRun, keepReplaced, staging -> {
            VerifyReport second = verifier.extract(archive, staging);
            if (!second.ok()) {
                throw new OperationFailedException(archive + " changed while it was being restored (" + second.problems().get(0)
                        + "); nothing was restored", null);
            }
            applyModes(staging, manifest);
            return staging;
        });
    }

    /**
     * Puts back what the newest restore into {@code target} kept aside: the names it swapped in
     * are moved aside in turn (into a new kept folder, so an undo can be undone) and the kept
     * ones moved back.
     */
    public RestoreReport undo(Path target, boolean dryRun, int keepReplaced) {
        Path root = rootOf(target);
        List<Path> kept = keptFolders(root);
        if (kept.isEmpty()) {
            throw new OperationFailedException("there is no restore to undo in " + root + " (no " + ASIDE_PREFIX + "* folder)",
                    "undo works on the folder the last 'ai-lab backup restore' kept; give --target if it restored elsewhere");
        }
        Path aside = kept.get(0);
        List<String> tops = new ArrayList<>();
        try {
            Path record = aside.resolve(RECORD);
            if (Files.isRegularFile(record)) {
                Files.readAllLines(record).stream().filter(l -> !l.isBlank()).forEach(tops::add);
            } else {
                warnings.accept(aside + " has no list of restored names (an older restore): only the names kept there are put back");
                try (var names = Files.list(aside)) {
                    names.map(n -> n.getFileName().toString()).sorted().forEach(tops::add);
                }
            }
            List<Wanted> wanted = describe(aside);
            return swap(root, aside.toString(), wanted, tops, dryRun, keepReplaced, staging -> aside);
        } catch (IOException e) {
            throw new OperationFailedException("cannot read " + aside + ": " + e.getMessage() + "; nothing was changed", null, e);
        }
    }

    @FunctionalInterface
    private interface Source {
        /** Fills or names the folder whose top-level names are swapped in. */
        Path prepare(Path staging) throws IOException;
    }

    private RestoreReport swap(Path root, String from, List<Wanted> wanted, List<String> tops, boolean dryRun, int keepReplaced,
                               Source source) {
        if (keepReplaced < 1) {
            throw new InvalidInputException("--keep-replaced must be at least 1, got " + keepReplaced,
                    "the folder of this restore is what --undo puts back; keep at least that one");
        }
        List<String> created = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        int unchanged = 0;
        Set<String> wantedPaths = new HashSet<>();
        for (Wanted w : wanted) {
            wantedPaths.add(w.path());
            Path p = root.resolve(w.path());
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                created.add(w.path());
            } else if (w.type().equals("file") && !(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && sameContent(p, w))) {
                replaced.add(w.path());
            } else if (w.type().equals("symlink") && !linkMatches(p, w)) {
                replaced.add(w.path());
            } else {
                unchanged++;
            }
        }
        List<String> removed = leavingFiles(root, tops, wantedPaths);
        List<Path> stale = stagingFolders(root);
        if (dryRun) {
            return new RestoreReport(from, root.toString(), true, created, replaced, removed, unchanged, null, null,
                    prunable(keptFolders(root), keepReplaced - 1), stale.stream().map(Path::toString).toList());
        }
        List<String> cleaned = new ArrayList<>();
        for (Path old : stale) {
            FileTrees.delete(old);
            warnings.accept("removed " + old + ", left by a restore that did not finish");
            cleaned.add(old.toString());
        }
        String stamp = BackupFormat.STAMP.format(clock.instant());
        Path staging = unique(root, STAGING_PREFIX + stamp);
        Path aside = unique(root, ASIDE_PREFIX + stamp);
        try {
            Files.createDirectories(root);
            Permissions.ownerOnlyDirectory(staging);
            Path incoming = source.prepare(staging);
            Permissions.ownerOnlyDirectory(aside);
            AtomicFiles.writeString(aside.resolve(RECORD), String.join("\n", tops) + "\n");
            swapIn(root, incoming, aside, tops);
            if (!incoming.equals(staging)) {
                FileTrees.delete(incoming); // an undone kept folder: its names are back, only its list is left
            }
        } catch (IOException e) {
            FileTrees.deleteQuietly(aside);
            throw new OperationFailedException("restore failed: " + e.getMessage() + "; nothing was replaced", null, e);
        } finally {
            FileTrees.deleteQuietly(staging);
        }
        List<RestoreReport.Kept> pruned = new ArrayList<>();
        List<Path> others = new ArrayList<>(keptFolders(root));
        others.remove(aside); // the folder of this run is never pruned, whatever the names say
        for (RestoreReport.Kept old : prunable(others, keepReplaced - 1)) {
            FileTrees.delete(Path.of(old.path()));
            pruned.add(old);
        }
        LOG.info("restored {} into {} ({} created, {} replaced, {} removed)", from, root, created.size(), replaced.size(), removed.size());
        return new RestoreReport(from, root.toString(), false, created, replaced, removed, unchanged, aside.toString(),
                FileTrees.size(aside), pruned, cleaned);
    }

    private Path rootOf(Path target) {
        return (target == null ? baseDir : target).toAbsolutePath().normalize();
    }

    /** The kept folders of earlier restores in {@code root}, newest first. */
    static List<Path> keptFolders(Path root) {
        return ownFolders(root, ASIDE_PREFIX);
    }

    private static List<Path> stagingFolders(Path root) {
        return ownFolders(root, STAGING_PREFIX);
    }

    private static List<Path> ownFolders(Path root, String prefix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var names = Files.list(root)) {
            return names.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing((Path p) -> order(p.getFileName().toString())).reversed()).toList();
        } catch (IOException e) {
            throw new OperationFailedException("cannot list " + root + ": " + e.getMessage(), null, e);
        }
    }

    private static List<RestoreReport.Kept> prunable(List<Path> keptNewestFirst, int keep) {
        List<RestoreReport.Kept> out = new ArrayList<>();
        for (Path p : keptNewestFirst.subList(Math.min(Math.max(keep, 0), keptNewestFirst.size()), keptNewestFirst.size())) {
            out.add(new RestoreReport.Kept(p.toString(), FileTrees.size(p)));
        }
        return out;
    }

    /**
     * {@code root/name}, or {@code name-2}, {@code -3}... when a restore in the same second
     * already used it: always after every folder of the same stamp, so "newest" stays true.
     */
    private static Path unique(Path root, String name) {
        int last = 0;
        for (Path p : ownFolders(root, name)) {
            String n = p.getFileName().toString();
            if (n.equals(name)) {
                last = Math.max(last, 1);
            } else if (n.matches(java.util.regex.Pattern.quote(name) + "-\\d{1,9}")) {
                last = Math.max(last, Integer.parseInt(n.substring(name.length() + 1)));
            }
        }
        return root.resolve(last == 0 ? name : name + "-" + (last + 1));
    }

    /** Sort key of a folder name made by {@link #unique}: its stamp, then its number. */
    private static String order(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?)(?:-(\\d{1,9}))?$").matcher(name);
        m.matches();
        return m.group(1) + String.format(java.util.Locale.ROOT, "~%09d", m.group(2) == null ? 1 : Integer.parseInt(m.group(2)));
    }

    /** Files and links under the swapped names that what comes in does not have: they leave the live tree. */
    private static List<String> leavingFiles(Path root, List<String> tops, Set<String> wantedPaths) {
        List<String> out = new ArrayList<>();
        for (String top : tops) {
            Path current = root.resolve(top);
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (var walk = Files.walk(current)) {
                walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(rel -> !wantedPaths.contains(rel)).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new OperationFailedException("cannot read " + current + ": " + e.getMessage() + "; nothing was changed", null, e);
            }
        }
        return out;
    }

    /** Every file, link and folder under a kept folder (its list of names left out), as the swap compares them. */
    private static List<Wanted> describe(Path aside) throws IOException {
        List<Wanted> out = new ArrayList<>();
        try (var walk = Files.walk(aside)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(aside) || p.equals(aside.resolve(RECORD))) {
                    continue;
                }
                String rel = aside.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    out.add(new Wanted(rel, "symlink", 0, null, Files.readSymbolicLink(p).toString()));
                } else if (Files.isDirectory(p)) {
                    out.add(new Wanted(rel, "dir", 0, null, null));
                } else {
                    out.add(new Wanted(rel, "file", Files.size(p), BackupFormat.hash(p), null));
                }
            }
        }
        return out;
    }

    private static String strip(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Moves each top-level name of {@code incoming} into {@code root}, what it replaces aside;
     * a name that {@code incoming} lacks (undoing a restore that created it) is only moved
     * aside. All or nothing.
     */
    private void swapIn(Path root, Path incoming, Path aside, List<String> tops) {
        List<String[]> done = new ArrayList<>();
        try {
            for (String top : tops) {
                Path current = root.resolve(top);
                boolean existed = Files.exists(current, LinkOption.NOFOLLOW_LINKS);
                if (existed) {
                    Files.move(current, aside.resolve(top), StandardCopyOption.ATOMIC_MOVE);
                }
                done.add(new String[] {top, existed ? "moved" : "new"});
                if (Files.exists(incoming.resolve(top), LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(incoming.resolve(top), current, StandardCopyOption.ATOMIC_MOVE);
                    done.get(done.size() - 1)[1] += "+placed";
                }
            }
        } catch (IOException | RuntimeException e) {
            undoSwap(root, incoming, aside, done);
            throw new OperationFailedException("restore failed while swapping in " + (done.isEmpty() ? "the first entry" : done.get(done.size() - 1)[0])
                    + ": " + e.getMessage() + "; everything was put back", null, e);
        }
    }

    private void undoSwap(Path root, Path incoming, Path aside, List<String[]> done) {
        for (int i = done.size() - 1; i >= 0; i--) {
            String top = done.get(i)[0];
            String state = done.get(i)[1];
            try {
                if (state.endsWith("+placed")) {
                    Files.move(root.resolve(top), incoming.resolve(top), StandardCopyOption.ATOMIC_MOVE);
                }
                if (state.startsWith("moved")) {
                    Files.move(aside.resolve(top), root.resolve(top), StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                warnings.accept("could not put back " + top + "; the previous version is in " + aside);
            }
        }
        try {
            Files.deleteIfExists(aside.resolve(RECORD));
            Files.deleteIfExists(aside);
        } catch (IOException ignored) {
            // not empty: something could not be put back, and the warning says where it is
        }
    }

    private static List<String> topLevelNames(BackupManifest manifest) {
        List<String> tops = new ArrayList<>();
        for (BackupManifest.Entry e : manifest.entries) {
            String p = e.path.endsWith("/") ? e.path.substring(0, e.path.length() - 1) : e.path;
            String top = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
            if (!tops.contains(top)) {
                tops.add(top);
            }
        }
        return tops;
    }

    private static void applyModes(Path staging, BackupManifest manifest) throws IOException {
        if (!Permissions.posix(staging)) {
            return;
        }
        List<BackupManifest.Entry> dirs = new ArrayList<>();
        for (BackupManifest.Entry e : manifest.entries) {
            Path p = staging.resolve(e.path);
            switch (e.type) {
                case "file" -> {
                    Files.setPosixFilePermissions(p, Permissions.fromMode(Integer.parseInt(e.mode, 8)));
                    Files.setLastModifiedTime(p, FileTime.fromMillis(e.mtime));
                }
                case "dir" -> dirs.add(e);
                default -> {
                    // symbolic links keep their own mode
                }
            }
        }
        // Deepest folders first, so a read-only folder does not block its children.
        dirs.sort(Comparator.comparing((BackupManifest.Entry e) -> e.path.length()).reversed());
        for (BackupManifest.Entry e : dirs) {
            Path p = staging.resolve(e.path);
            Files.setPosixFilePermissions(p, Permissions.fromMode(Integer.parseInt(e.mode, 8)));
            Files.setLastModifiedTime(p, FileTime.fromMillis(e.mtime));
        }
    }

    private static boolean sameContent(Path p, Wanted e) {
        try {
            return Files.size(p) == e.size() && BackupFormat.hash(p).equals(e.sha256());
        } catch (IOException ex) {
            return false;
        }
    }

    private static boolean linkMatches(Path p, Wanted e) {
        try {
            return Files.isSymbolicLink(p) && Files.readSymbolicLink(p).toString().equals(e.linkTarget());
        } catch (IOException ex) {
            return false;
        }
    }
}
