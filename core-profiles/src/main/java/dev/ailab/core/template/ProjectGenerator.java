package dev.ailab.core.template;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.core.io.FileTrees;
import dev.ailab.core.io.Sha256;
import dev.ailab.core.profile.Profile;
import dev.ailab.core.yaml.YamlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Renders a template into a project folder. Everything is rendered and planned before anything
 * is written; a new project is written into a temporary sibling folder and renamed into place,
 * so a failure leaves no half-made project. Adding to an existing folder ({@code force}) moves
 * each file in on its own and never replaces a file the user changed.
 */
public final class ProjectGenerator {
    /** Project metadata folder. */
    public static final String META = ".ai-lab";
    public static final String PROFILE_FILE = META + "/profile.yaml";
    public static final String CONFIG_FILE = META + "/config.yaml";
    public static final String CHECKSUMS_FILE = META + "/checksums.sha256";
    public static final String OVERRIDES_DIR = META + "/templates";
    /** What {@code project update} keeps: the base snapshot and what the last render left on disk. */
    public static final String UPDATE_DIR = META + "/update";
    /** Every file the template rendered last time, as it rendered it: the base of the next update's merge. */
    public static final String BASE_FILE = UPDATE_DIR + "/base.zip";
    /** SHA-256 of each template file as the last render or update left it on disk ({@code project status}). */
    public static final String AFTER_FILE = UPDATE_DIR + "/after.sha256";

    /** What happens to one file. */
    public enum Action {
        /** The file does not exist yet. */
        CREATE,
        /** The file exists with exactly this content. */
        IDENTICAL,
        /** The file exists as an earlier generation wrote it (its recorded hash): replaced. */
        OVERWRITE,
        /** The file exists and was changed by the user (or never ours): kept as it is. */
        SKIP;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One file of the plan. */
    public record PlannedFile(String path, Action action, long size) {
    }

    /**
     * @param context  the Mustache context (builtins and answers)
     * @param answers  the answers alone, recorded in {@code .ai-lab/config.yaml}
     */
    public record Request(Path target, Profile profile, TemplatePack pack, Map<String, Object> context,
            Map<String, Object> answers, boolean force, boolean dryRun, String toolVersion) {
    }

    /** What was (or, in a dry run, would be) done. */
    public record Result(Path target, List<PlannedFile> files, boolean written, boolean newProject) {
        public long count(Action action) {
            return files.stream().filter(f -> f.action() == action).count();
        }
    }

    /** Called after each staged file is written; a seam for tests that inject a failure mid-write. */
    @FunctionalInterface
    public interface WriteObserver {
        void written(Path stagedFile, int index) throws IOException;
    }

    private final TemplateRenderer renderer = new TemplateRenderer();
    private WriteObserver observer = (file, index) -> { };

    public ProjectGenerator observer(WriteObserver observer) {
        this.observer = observer;
        return this;
    }

    /** True when {@code dir} is missing or an empty folder. */
    public static boolean isFresh(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    public Result generate(Request r) {
        Path target = r.target().toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new OperationFailedException(target + " exists and is not a folder", "choose another name or --dir");
        }
        boolean fresh = isFresh(target);
        if (!fresh && !r.force()) {
            throw new OperationFailedException("target folder " + target + " exists and is not empty",
                    "choose another name or --dir, or add --force to add the template's files to it "
                            + "(files you changed are kept, nothing is deleted; --dry-run shows the plan)");
        }
        Path overrides = target.resolve(OVERRIDES_DIR);
        List<TemplateRenderer.RenderedFile> rendered = renderer.render(r.pack(), r.profile(), r.context(),
                Files.isDirectory(overrides) ? overrides : null);
        Map<String, String> recorded = fresh ? Map.of() : readChecksums(target.resolve(CHECKSUMS_FILE));
        List<PlannedFile> plan = new ArrayList<>(rendered.size());
        List<Action> actions = new ArrayList<>(rendered.size());
        Path realTarget = fresh ? null : realPath(target);
        for (TemplateRenderer.RenderedFile f : rendered) {
            Action a = fresh ? Action.CREATE
                    : insideProject(realTarget, target.resolve(f.path())) ? actionFor(target.resolve(f.path()), f.content(), recorded.get(f.path()))
                    : Action.SKIP;
            actions.add(a);
            plan.add(new PlannedFile(f.path(), a, f.content().length));
        }
        if (r.dryRun()) {
            return new Result(target, plan, false, fresh);
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        Map<String, byte[]> base = new LinkedHashMap<>();
        for (int i = 0; i < rendered.size(); i++) {
            TemplateRenderer.RenderedFile f = rendered.get(i);
            base.put(f.path(), f.content());
            if (actions.get(i) == Action.SKIP) {
                if (recorded.containsKey(f.path())) {
                    checksums.put(f.path(), recorded.get(f.path()));
                }
                Path onDisk = target.resolve(f.path());
                if (Files.isRegularFile(onDisk, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    after.put(f.path(), Sha256.ofFile(onDisk));
                }
            } else {
                checksums.put(f.path(), f.sha256());
                after.put(f.path(), f.sha256());
            }
        }
        Map<String, byte[]> meta = metadata(r.profile(), r.pack(), r.context(), r.answers(), r.toolVersion(), checksums,
                fresh || !Files.isDirectory(overrides));
        meta.putAll(updateRecord(base, after));
        write(target, fresh, rendered, actions, meta);
        return new Result(target, plan, true, fresh);
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * False when a symbolic link on the way (a folder of the project linked elsewhere) would put
     * the file outside the project: such files are skipped, never written through the link.
     */
    private static boolean insideProject(Path realTarget, Path file) {
        Path existing = file.getParent();
        while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        return realPath(existing).startsWith(realTarget);
    }

    private static Action actionFor(Path file, byte[] content, String recordedHash) {
        if (Files.isSymbolicLink(file)) {
            return Action.SKIP; // the user's link: never replaced, never written through
        }
        if (!Files.exists(file)) {
            return Action.CREATE;
        }
        if (!Files.isRegularFile(file)) {
            return Action.SKIP;
        }
        if (AtomicFiles.hasContent(file, content)) {
            return Action.IDENTICAL;
        }
        try {
            return recordedHash != null && recordedHash.equals(Sha256.of(Files.readAllBytes(file))) ? Action.OVERWRITE : Action.SKIP;
        } catch (IOException e) {
            return Action.SKIP;
        }
    }

    /**
     * The files of {@code .ai-lab/} that say how the project was made: profile.yaml, config.yaml,
     * checksums.sha256 (and the overrides folder's .gitkeep when asked).
     */
    public static Map<String, byte[]> metadata(Profile chosen, TemplatePack pack, Map<String, Object> context,
            Map<String, Object> answers, String toolVersion, Map<String, String> checksums, boolean addOverridesDir) {
        Map<String, byte[]> meta = new LinkedHashMap<>();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("profile", chosen.id());
        profile.put("template", pack.name());
        profile.put("template_version", pack.version());
        profile.put("template_source", pack.origin());
        profile.put("year", context.get("year")); // reused by later renders, so a new year changes no file
        profile.put("generated_by", toolVersion);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("project_name", context.get("project_name"));
        config.put("answers", answers);
        {
            meta.put(PROFILE_FILE, ("# Written by ai-lab create-project: the profile and template this project was made from.\n"
                    + YamlWriter.indented().write(profile)).getBytes(StandardCharsets.UTF_8));
            meta.put(CONFIG_FILE, ("# Project config; 'answers' are the template answers, reused when the project is rendered again.\n"
                    + YamlWriter.indented().write(config)).getBytes(StandardCharsets.UTF_8));
        }
        meta.put(CHECKSUMS_FILE, sha256sums(checksums));
        if (addOverridesDir) {
            meta.put(OVERRIDES_DIR + "/.gitkeep", new byte[0]);
        }
        return meta;
    }

    /** {@code .ai-lab/update/}: the base snapshot of the next update and the hashes of the files left on disk. */
    public static Map<String, byte[]> updateRecord(Map<String, byte[]> base, Map<String, String> after) {
        Map<String, byte[]> meta = new LinkedHashMap<>();
        meta.put(BASE_FILE, dev.ailab.core.template.update.Snapshot.write(base));
        meta.put(AFTER_FILE, sha256sums(after));
        return meta;
    }

    /** {@code HASH  PATH} lines, as {@code sha256sum} writes them. */
    public static byte[] sha256sums(Map<String, String> sums) {
        StringBuilder text = new StringBuilder(sums.size() * 80);
        sums.forEach((path, hash) -> text.append(hash).append("  ").append(path).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(Path target, boolean fresh, List<TemplateRenderer.RenderedFile> rendered, List<Action> actions,
            Map<String, byte[]> meta) {
        Path parent = target.getParent();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = createStaging(parent, target.getFileName().toString());
            List<TemplateRenderer.RenderedFile> toWrite = new ArrayList<>();
            for (int i = 0; i < rendered.size(); i++) {
                if (actions.get(i) == Action.CREATE || actions.get(i) == Action.OVERWRITE) {
                    toWrite.add(rendered.get(i));
                }
            }
            writeStaged(staging, toWrite);
            if (fresh) {
                for (Map.Entry<String, byte[]> m : meta.entrySet()) {
                    Path file = staging.resolve(m.getKey());
                    Files.createDirectories(file.getParent());
                    Files.write(file, m.getValue());
                }
                moveIntoPlace(staging, target);
                staging = null;
            } else {
                for (int i = 0; i < rendered.size(); i++) {
                    Action a = actions.get(i);
                    if (a == Action.CREATE || a == Action.OVERWRITE) {
                        Path dest = target.resolve(rendered.get(i).path());
                        Files.createDirectories(dest.getParent());
                        move(staging.resolve(rendered.get(i).path()), dest);
                    }
                }
                for (Map.Entry<String, byte[]> m : meta.entrySet()) {
                    AtomicFiles.write(target.resolve(m.getKey()), m.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the project " + target + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                FileTrees.deleteQuietly(staging);
            }
        }
    }

    /**
     * Writes the files into the private staging folder: folders first, then the files (in
     * parallel for large projects; the folder is ours alone until it is moved into place).
     */
    private void writeStaged(Path staging, List<TemplateRenderer.RenderedFile> files) throws IOException {
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
        for (TemplateRenderer.RenderedFile f : files) {
            Path parent = staging.resolve(f.path()).getParent();
            if (!parent.equals(staging)) {
                dirs.add(parent);
            }
        }
        for (Path d : dirs) {
            Files.createDirectories(d);
        }
        java.util.concurrent.atomic.AtomicInteger index = new java.util.concurrent.atomic.AtomicInteger();
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, files.size());
        try {
            (files.size() >= 64 ? range.parallel() : range).forEach(i -> {
                TemplateRenderer.RenderedFile f = files.get(i);
                Path file = staging.resolve(f.path());
                try {
                    Files.write(file, f.content(), java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                    if (f.executable()) {
                        makeExecutable(file);
                    }
                    observer.written(file, index.getAndIncrement());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path createStaging(Path parent, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path dir = parent.resolve("." + name + ".ai-lab-tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Renames the staged project onto the target; an empty target folder is replaced. */
    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            if (!isFresh(target)) {
                throw new IOException(target + " was filled by someone else while the project was rendered", e);
            }
            Files.deleteIfExists(target); // an empty folder: nothing of the user's is lost
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            perms.add(PosixFilePermission.GROUP_EXECUTE);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(file, perms);
        }
    }

    /** Reads a {@code sha256sum}-style file: {@code HASH  PATH} per line. */
    public static Map<String, String> readChecksums(Path file) {
        Map<String, String> sums = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return sums;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int sep = line.indexOf("  ");
                if (sep == 64) {
                    sums.put(line.substring(66), line.substring(0, 64));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return sums;
    }

    /** Parses {@code HASH  PATH} lines; none for null. */
    public static Map<String, String> parseChecksums(byte[] bytes) {
        Map<String, String> sums = new LinkedHashMap<>();
        if (bytes == null) {
            return sums;
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int sep = line.indexOf("  ");
            if (sep > 0) {
                sums.put(line.substring(sep + 2), line.substring(0, sep));
            }
        }
        return sums;
    }

    /** Reads the answers of an earlier generation from {@code project/.ai-lab/config.yaml}, or an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> previousAnswers(Path project) {
        Map<String, Object> tree = readYamlMap(project.resolve(CONFIG_FILE));
        Object answers = tree.get("answers");
        return answers instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    }

    /** The {@code year} the project was rendered with (profile.yaml), or null for a project from before it was kept. */
    public static String previousYear(Path project) {
        Object year = readYamlMap(project.resolve(PROFILE_FILE)).get("year");
        return year == null ? null : String.valueOf(year);
    }

    /** Reads {@code project/.ai-lab/profile.yaml}, or an empty map. */
    public static Map<String, Object> previousProfile(Path project) {
        return readYamlMap(project.resolve(PROFILE_FILE));
    }

    /** A YAML map file of {@code .ai-lab/}, or an empty map. */
    public static Map<String, Object> readYaml(Path file) {
        return YamlText.readMap(file);
    }

    private static Map<String, Object> readYamlMap(Path file) {
        return YamlText.readMap(file);
    }
}
