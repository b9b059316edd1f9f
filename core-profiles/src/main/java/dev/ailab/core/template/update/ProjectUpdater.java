package dev.ailab.core.template.update;

import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.Sha256;
import dev.ailab.core.profile.Profile;
import dev.ailab.core.template.Answers;
import dev.ailab.core.template.Monorepo;
import dev.ailab.core.template.MustacheRenderer;
import dev.ailab.core.template.ProjectGenerator;
import dev.ailab.core.template.TemplateManifest;
import dev.ailab.core.template.TemplatePack;
import dev.ailab.core.template.TemplateRenderer;
import dev.ailab.core.template.Versions;
import dev.ailab.core.yaml.YamlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code ai-lab project update}: brings a project made by {@code create-project} to the template
 * as it is now (a new version, another profile, changed answers) by a three-way merge per file.
 * <b>base</b> is what the template rendered last time (the snapshot {@code .ai-lab/update/base.zip}),
 * <b>ours</b> the file on disk, <b>theirs</b> what the template renders now. Everything is planned
 * in memory; {@link UpdateTransaction} applies it.
 */
public final class ProjectUpdater {
    /** What happened to one file; exactly one per file. */
    public enum Outcome {
        UNCHANGED, UPDATED, KEPT, MERGED, CONFLICT, ADDED, REMOVED, KEPT_MODIFIED, KEPT_DELETED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One file of the report; {@code note} says more (a binary copy beside it, a migration), or null. */
    public record FileOutcome(String path, Outcome outcome, String note) {
    }

    /** Paths (relative to the project) with uncommitted changes; empty when the project is not in git. */
    @FunctionalInterface
    public interface DirtyFiles {
        Set<String> in(Path project);
    }

    /**
     * @param profile  the profile to move to, or null to keep the project's
     * @param version  the version the user asked for ({@code --template-version}), or null
     * @param restore  paths to bring back although the user deleted them
     */
    public record Request(Path project, TemplatePack pack, String profile, Map<String, String> data, String version,
            List<String> restore, boolean dryRun, boolean allowDirty, String toolVersion) {
    }

    public record Result(Path project, String template, String fromVersion, String toVersion, String fromProfile,
            String toProfile, List<String> migrations, List<FileOutcome> files, List<String> notes, boolean written) {
        public List<String> conflicts() {
            return files.stream().filter(f -> f.outcome() == Outcome.CONFLICT).map(FileOutcome::path).toList();
        }

        public long count(Outcome o) {
            return files.stream().filter(f -> f.outcome() == o).count();
        }
    }

    /** Files listed in {@code .ai-lab/update/conflicts.txt}: each conflicted path, tab, the binary copy beside it (or nothing). */
    public static final String CONFLICTS_FILE = ProjectGenerator.UPDATE_DIR + "/conflicts.txt";

    private final DirtyFiles dirtyFiles;
    private UpdateTransaction.Observer observer = (path, index) -> { };

    public ProjectUpdater(DirtyFiles dirtyFiles) {
        this.dirtyFiles = dirtyFiles;
    }

    public ProjectUpdater observer(UpdateTransaction.Observer observer) {
        this.observer = observer;
        return this;
    }

    /** Throws exit 2 unless {@code project} was made by create-project; rolls back an update that was cut short. */
    public static Map<String, Object> open(Path project, List<String> notes) {
        if (!Files.isRegularFile(project.resolve(ProjectGenerator.PROFILE_FILE))) {
            throw new InvalidInputException("not a project made by ai-lab: " + project + " has no " + ProjectGenerator.PROFILE_FILE,
                    "give the folder of a project made by 'ai-lab create-project' (PATH, default: the current folder)");
        }
        if (UpdateTransaction.interrupted(project)) {
            UpdateTransaction.rollBack(project);
            notes.add("an earlier update was cut short; the project was put back as it was before it");
        }
        return ProjectGenerator.previousProfile(project);
    }

    public Result update(Request r) {
        Path project = r.project().toAbsolutePath().normalize();
        List<String> notes = new ArrayList<>();
        Map<String, Object> recorded = open(project, notes);
        TemplatePack pack = r.pack();
        String template = String.valueOf(recorded.get("template"));
        String fromVersion = String.valueOf(recorded.get("template_version"));
        String fromProfile = String.valueOf(recorded.getOrDefault("profile", Profile.STANDARD.id()));
        if (!pack.name().equals(template)) {
            throw new InvalidInputException("the project was made from template '" + template + "', not '" + pack.name() + "'",
                    "give the folder or git URL of template " + template + " with --template-dir");
        }
        String toVersion = pack.version();
        if (r.version() != null && !r.version().equals(toVersion)) {
            throw new InvalidInputException("unknown version " + r.version() + " of template " + template + ": its source ("
                    + pack.origin() + ") holds version " + toVersion,
                    "leave out --template-version to take " + toVersion + ", or give a git template's tag with --vcs-ref");
        }
        boolean comparable = Versions.valid(fromVersion) && Versions.valid(toVersion);
        if (comparable && Versions.compare(toVersion, fromVersion) < 0) {
            throw new InvalidInputException("template " + template + " " + toVersion + " is older than the project's "
                    + fromVersion + ": a downgrade is not an update",
                    "update to " + fromVersion + " or newer; 'ai-lab project update --undo' takes back the last update");
        }
        Profile profile = Profile.parse(r.profile() != null ? r.profile() : fromProfile);
        Map<String, Object> answers = ProjectGenerator.previousAnswers(project);
        Object nameValue = ProjectGenerator.readYaml(project.resolve(ProjectGenerator.CONFIG_FILE)).get("project_name");
        String projectName = nameValue == null ? project.getFileName().toString() : String.valueOf(nameValue);

        // migrations of every version after the project's, up to the template's
        List<TemplateManifest.Migration> migrations = pack.manifest().migrations.stream()
                .filter(m -> comparable && Versions.compare(m.version, fromVersion) > 0 && Versions.compare(m.version, toVersion) <= 0)
                .sorted((a, b) -> Versions.compare(a.version, b.version)).toList();
        for (TemplateManifest.Migration m : migrations) {
            for (TemplateManifest.MigrationStep s : m.steps) {
                if (s.kind().equals("rename_answer") && answers.containsKey(s.from())) {
                    answers.put(s.to(), answers.remove(s.from()));
                }
            }
        }

        // theirs: the template now, with the answers; 'year' stays the one recorded unless --data year= is given
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        String recordedYear = ProjectGenerator.previousYear(project);
        Object givenYear = data.remove("year");
        String year = year(givenYear == null ? null : String.valueOf(givenYear), recordedYear);
        Map<String, Object> builtins = Answers.builtins(projectName, profile, pack);
        builtins.put("year", year);
        Monorepo monorepo = Monorepo.enclosing(project.getParent());
        if (monorepo != null) {
            builtins.putAll(monorepo.variables());
        }
        Map<String, Object> earlier = new LinkedHashMap<>(answers);
        earlier.keySet().retainAll(pack.manifest().questions.stream().map(q -> q.name).toList());
        Map<String, Object> resolved = Answers.resolve(pack, builtins, data, earlier, null, new MustacheRenderer());
        Map<String, Object> newAnswers = new LinkedHashMap<>(resolved);
        newAnswers.keySet().removeAll(builtins.keySet());
        Map<String, Object> context = Answers.withPaths(resolved, pack);
        Path overrides = project.resolve(ProjectGenerator.OVERRIDES_DIR);
        Map<String, TemplateRenderer.RenderedFile> theirs = new LinkedHashMap<>();
        for (TemplateRenderer.RenderedFile f : new TemplateRenderer().render(pack, profile, context,
                Files.isDirectory(overrides) ? overrides : null)) {
            theirs.put(f.path(), f);
        }
        for (String p : r.restore()) {
            if (!theirs.containsKey(p)) {
                throw new InvalidInputException("--restore " + p + ": template " + template + " " + toVersion + " makes no such file",
                        "give a path the template makes, relative to the project (see 'ai-lab project update --dry-run')");
            }
        }

        // base: the snapshot of the last render; older projects get a best-effort base
        Set<String> unknownBase = new TreeSet<>();
        Map<String, byte[]> base = Snapshot.read(project.resolve(ProjectGenerator.BASE_FILE));
        if (base == null) {
            base = bestEffortBase(project, pack, fromVersion, fromProfile, answers, projectName, recordedYear, monorepo, unknownBase,
                    notes);
        }

        // migrations on paths: move base entries and the user's files, drop deleted ones from theirs
        Map<String, String> location = new TreeMap<>();
        Set<String> dropped = new TreeSet<>();
        List<String> migrationText = new ArrayList<>();
        List<FileOutcome> outcomes = new ArrayList<>();
        for (TemplateManifest.Migration m : migrations) {
            for (TemplateManifest.MigrationStep s : m.steps) {
                migrationText.add(m.version + ": " + s.kind().replace('_', ' ') + " " + s.from() + (s.to() == null ? "" : " -> " + s.to()));
                if (s.kind().equals("move")) {
                    move(project, s.from(), s.to(), base, unknownBase, location);
                } else if (s.kind().equals("delete")) {
                    for (String p : new ArrayList<>(theirs.keySet())) {
                        if (under(p, s.from())) {
                            theirs.remove(p);
                            dropped.add(p);
                        }
                    }
                }
            }
        }

        String label = template + " " + toVersion;
        Map<String, UpdateTransaction.NewFile> writes = new TreeMap<>();
        Set<String> deletes = new TreeSet<>();
        Map<String, String> after = new TreeMap<>();
        List<String> conflictLines = new ArrayList<>();
        Set<String> paths = new TreeSet<>(base.keySet());
        paths.addAll(theirs.keySet());
        paths.addAll(unknownBase);
        Path real = realPath(project);
        for (String p : paths) {
            byte[] b = base.get(p);
            TemplateRenderer.RenderedFile t = theirs.get(p);
            String diskPath = location.getOrDefault(p, p);
            Path file = project.resolve(diskPath);
            if (Files.isSymbolicLink(file) || Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !inside(real, project.resolve(p))) {
                outcomes.add(new FileOutcome(p, Outcome.KEPT, "a link or not a regular file: never written through"));
                continue;
            }
            byte[] o = read(file);
            boolean exec = o != null && Files.isExecutable(file);
            boolean unknown = unknownBase.contains(p);
            Outcome outcome;
            byte[] result = o; // what the file holds after the update (null: no file)
            String note = dropped.contains(p) ? "deleted by a migration of the template" : null;
            if (t == null) {
                if (o == null) {
                    outcome = Outcome.KEPT_DELETED;
                } else if (!unknown && Arrays.equals(o, b)) {
                    outcome = Outcome.REMOVED;
                    result = null;
                } else {
                    outcome = Outcome.KEPT_MODIFIED;
                    note = note != null ? note + "; kept because you changed it" : "the template dropped it; kept because you changed it";
                }
            } else if (o == null) {
                if (b != null && !r.restore().contains(p) || unknown && !r.restore().contains(p)) {
                    outcome = Outcome.KEPT_DELETED;
                } else {
                    outcome = Outcome.ADDED;
                    result = t.content();
                    exec = t.executable();
                    if (b != null || unknown) {
                        note = "restored (--restore)";
                    }
                }
            } else if (Arrays.equals(o, t.content())) {
                outcome = Outcome.UNCHANGED;
            } else if (b != null && Arrays.equals(o, b)) {
                outcome = Outcome.UPDATED;
                result = t.content();
                exec = t.executable();
            } else if (b != null && Arrays.equals(t.content(), b)) {
                outcome = Outcome.KEPT;
            } else {
                byte[] mergeBase = b == null ? new byte[0] : b;
                if (b == null) {
                    note = unknown ? "no base recorded for this file (a project from before update snapshots): both versions shown"
                            : "you have a file of your own where the template now adds one";
                }
                if (Merge3.binary(o) || Merge3.binary(t.content()) || Merge3.binary(mergeBase)) {
                    outcome = Outcome.CONFLICT;
                    String beside = p + "." + label.replace(' ', '-');
                    writes.put(beside, new UpdateTransaction.NewFile(t.content(), false));
                    note = "binary: your copy kept, the template's written beside it as " + beside;
                    conflictLines.add(p + "\t" + beside);
                } else {
                    Merge3.Result merged = Merge3.merge(mergeBase, o, t.content(), "yours", label);
                    result = merged.content();
                    outcome = merged.conflicts() == 0 ? Outcome.MERGED : Outcome.CONFLICT;
                    if (merged.conflicts() > 0) {
                        note = merged.conflicts() + " conflict" + (merged.conflicts() == 1 ? "" : "s") + " marked in the file"
                                + (note == null ? "" : "; " + note);
                        conflictLines.add(p);
                    }
                }
            }
            if (!diskPath.equals(p) && o != null) {
                deletes.add(diskPath);
                note = (note == null ? "" : note + "; ") + "moved from " + diskPath + " by a migration";
                if (result != null) {
                    writes.put(p, new UpdateTransaction.NewFile(result, exec));
                }
            } else if (result == null && o != null) {
                deletes.add(p);
            } else if (result != null && !Arrays.equals(result, o)) {
                writes.put(p, new UpdateTransaction.NewFile(result, exec));
            }
            if (t != null && result != null) {
                after.put(p, Sha256.of(result));
            }
            outcomes.add(new FileOutcome(p, outcome, note));
        }
        // the user's own files inside a moved folder move with it
        location.forEach((to, from) -> {
            if (!paths.contains(to) && Files.isRegularFile(project.resolve(from), LinkOption.NOFOLLOW_LINKS)) {
                byte[] o = read(project.resolve(from));
                writes.put(to, new UpdateTransaction.NewFile(o, Files.isExecutable(project.resolve(from))));
                deletes.add(from);
                outcomes.add(new FileOutcome(to, Outcome.KEPT, "your file, moved from " + from + " by a migration"));
            }
        });
        outcomes.sort((x, y) -> x.path().compareTo(y.path()));

        Set<String> touched = new TreeSet<>(writes.keySet());
        touched.addAll(deletes);
        Result result = new Result(project, template, fromVersion, toVersion, fromProfile, profile.id(), migrationText,
                outcomes, notes, !r.dryRun());
        if (r.dryRun()) {
            return result;
        }
        if (!r.allowDirty()) {
            Set<String> dirty = new TreeSet<>(dirtyFiles.in(project));
            dirty.retainAll(touched);
            if (!dirty.isEmpty()) {
                throw new OperationFailedException("uncommitted changes in files the update would change: " + String.join(", ", dirty),
                        "commit or stash them first, or add --allow-dirty (every file is saved first; "
                                + "'ai-lab project update --undo' puts them back)");
            }
        }
        // the project's record: how it was made now, and the base of the next update
        Map<String, String> checksums = new TreeMap<>();
        Map<String, byte[]> newBase = new TreeMap<>();
        theirs.forEach((p, f) -> {
            checksums.put(p, f.sha256());
            newBase.put(p, f.content());
        });
        Map<String, byte[]> meta = ProjectGenerator.metadata(profile, pack, context, newAnswers, r.toolVersion(), checksums, false);
        if (newAnswers.equals(ProjectGenerator.previousAnswers(project))) {
            meta.remove(ProjectGenerator.CONFIG_FILE); // keep the file as it is, comments and other keys included
        } else {
            meta.put(ProjectGenerator.CONFIG_FILE, config(project, newAnswers));
        }
        meta.putAll(ProjectGenerator.updateRecord(newBase, after));
        meta.put(CONFLICTS_FILE, String.join("\n", conflictLines).concat(conflictLines.isEmpty() ? "" : "\n")
                .getBytes(StandardCharsets.UTF_8));
        meta.forEach((p, bytes) -> {
            if (!Arrays.equals(bytes, read(project.resolve(p)))) {
                writes.put(p, new UpdateTransaction.NewFile(bytes, false));
            }
        });
        UpdateTransaction.apply(project, writes, deletes, observer);
        return result;
    }

    /** The year to render with: {@code --data year=YYYY}, else the recorded one, else (an older project) this year. */
    private static String year(String given, String recorded) {
        if (given == null) {
            return recorded != null ? recorded : String.valueOf(java.time.Year.now().getValue());
        }
        if (!given.matches("[0-9]{4}")) {
            throw new InvalidInputException("--data year takes a year of four digits, got '" + given + "'",
                    "for example --data year=" + java.time.Year.now().getValue() + "; leave it out to keep the project's year"
                            + (recorded == null ? "" : " (" + recorded + ")"));
        }
        return given;
    }

    /** config.yaml with the new answers, every other key of the file kept. */
    private static byte[] config(Path project, Map<String, Object> answers) {
        Map<String, Object> tree = new LinkedHashMap<>(ProjectGenerator.readYaml(project.resolve(ProjectGenerator.CONFIG_FILE)));
        tree.put("answers", answers);
        return ("# Project config; 'answers' are the template answers, reused when the project is rendered again.\n"
                + YamlWriter.indented().write(tree)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A base for a project made before snapshots were kept: the same template version rendered
     * again when that is the version at hand; else the files still exactly as generated (by
     * their recorded hash) are their own base, and the others have none.
     */
    private static Map<String, byte[]> bestEffortBase(Path project, TemplatePack pack, String fromVersion, String fromProfile,
            Map<String, Object> answers, String projectName, String year, Monorepo monorepo, Set<String> unknownBase,
            List<String> notes) {
        Map<String, byte[]> base = new TreeMap<>();
        if (pack.version().equals(fromVersion)) {
            Profile old = Profile.parse(fromProfile);
            Map<String, Object> builtins = Answers.builtins(projectName, old, pack);
            if (year != null) {
                builtins.put("year", year);
            }
            if (monorepo != null) {
                builtins.putAll(monorepo.variables());
            }
            Map<String, Object> earlier = new LinkedHashMap<>(answers);
            earlier.keySet().retainAll(pack.manifest().questions.stream().map(q -> q.name).toList());
            Map<String, Object> ctx = Answers.withPaths(Answers.resolve(pack, builtins, Map.of(), earlier, null, new MustacheRenderer()), pack);
            Path overrides = project.resolve(ProjectGenerator.OVERRIDES_DIR);
            for (TemplateRenderer.RenderedFile f : new TemplateRenderer().render(pack, old, ctx, Files.isDirectory(overrides) ? overrides : null)) {
                base.put(f.path(), f.content());
            }
            notes.add("no base snapshot in .ai-lab/update/ (a project from an older ai-lab): rebuilt from " + pack.name() + " "
                    + fromVersion + ", the version it was made from");
            return base;
        }
        ProjectGenerator.readChecksums(project.resolve(ProjectGenerator.CHECKSUMS_FILE)).forEach((p, hash) -> {
            byte[] o = read(project.resolve(p));
            if (o != null && hash.equals(Sha256.of(o))) {
                base.put(p, o);
            } else {
                unknownBase.add(p);
            }
        });
        notes.add("no base snapshot in .ai-lab/update/ (a project from an older ai-lab) and version " + fromVersion
                + " is not at hand: files still as generated are updated, changed ones are shown as conflicts");
        return base;
    }

    private static void move(Path project, String from, String to, Map<String, byte[]> base, Set<String> unknownBase,
            Map<String, String> location) {
        for (String p : new ArrayList<>(base.keySet())) {
            if (under(p, from)) {
                base.put(to + p.substring(from.length()), base.remove(p));
            }
        }
        for (String p : new ArrayList<>(unknownBase)) {
            if (under(p, from)) {
                unknownBase.remove(p);
                unknownBase.add(to + p.substring(from.length()));
            }
        }
        Path source = project.resolve(from);
        List<String> files = new ArrayList<>();
        if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            files.add(from);
        } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(source)) {
                walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                        .forEach(f -> files.add(project.relativize(f).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
            }
        }
        for (String f : files) {
            String target = to + f.substring(from.length());
            if (!Files.exists(project.resolve(target), LinkOption.NOFOLLOW_LINKS)) {
                location.put(target, location.getOrDefault(f, f));
            }
        }
    }

    static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** False when a linked folder on the way would take the file out of the project. */
    private static boolean inside(Path realProject, Path file) {
        Path existing = file.getParent();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing != null && realPath(existing).startsWith(realProject);
    }

    static byte[] read(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code project status}: files still holding conflict markers (or a binary copy beside them), files changed since. */
    public record Status(Path project, String template, String version, String profile, List<String> conflicts,
            Map<String, String> changed, boolean undoable, List<String> notes) {
    }

    public static Status status(Path projectDir) {
        Path project = projectDir.toAbsolutePath().normalize();
        List<String> notes = new ArrayList<>();
        Map<String, Object> recorded = open(project, notes);
        Map<String, String> after = ProjectGenerator.readChecksums(project.resolve(ProjectGenerator.AFTER_FILE));
        if (after.isEmpty() && !Files.isRegularFile(project.resolve(ProjectGenerator.AFTER_FILE))) {
            after = ProjectGenerator.readChecksums(project.resolve(ProjectGenerator.CHECKSUMS_FILE));
            notes.add("no record of the last update: compared with the checksums of the last render");
        }
        Set<String> conflicts = new LinkedHashSet<>();
        Map<String, String> changed = new TreeMap<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            byte[] o = read(project.resolve(e.getKey()));
            if (o == null) {
                changed.put(e.getKey(), "deleted");
                continue;
            }
            if (!e.getValue().equals(Sha256.of(o))) {
                changed.put(e.getKey(), "modified");
            }
            if (Merge3.hasMarkers(o)) {
                conflicts.add(e.getKey());
            }
        }
        byte[] list = read(project.resolve(CONFLICTS_FILE));
        if (list != null) {
            for (String line : new String(list, StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0 && Files.exists(project.resolve(line.substring(tab + 1)), LinkOption.NOFOLLOW_LINKS)) {
                    conflicts.add(line.substring(0, tab));
                }
            }
        }
        return new Status(project, String.valueOf(recorded.get("template")), String.valueOf(recorded.get("template_version")),
                String.valueOf(recorded.get("profile")), new ArrayList<>(new TreeSet<>(conflicts)), changed,
                UpdateTransaction.undoable(project), notes);
    }
}
