package dev.ailab.cli.ailab;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.cli.VersionProvider;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.template.TemplateCatalog;
import dev.ailab.core.template.update.ProjectUpdater;
import dev.ailab.core.template.update.UpdateTransaction;
import dev.ailab.sources.git.GitSources;
import dev.ailab.sources.git.GitUrls;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ai-lab project update}: a project made by create-project brought to its template as it is now. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Bring a project made by create-project up to its template, keeping your changes.",
            "A three-way merge per file: what the template made last time (kept in .ai-lab/update/), the file as it is, "
                    + "and what the template makes now. Conflicts are marked inline (<<<<<<< yours ... >>>>>>> TEMPLATE VERSION); "
                    + "nothing is written until the whole update is ready, and --undo puts the project back."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ai-lab project update --dry-run",
            "  ai-lab project update ~/code/demo",
            "  ai-lab project update --profile advanced",
            "  ai-lab project update --data python_version=3.12 -o json",
            "  ai-lab project update --template-dir ~/tpl/python --template-version 1.1.0",
            "  ai-lab project update --restore Makefile",
            "  ai-lab project update --undo",
            "",
            "Outcomes per file: unchanged, updated, kept, merged, conflict, added, removed, kept-modified, kept-deleted.",
            "Exit codes: 0 done, 1 conflicts left (listed) or uncommitted changes in touched files (see --allow-dirty), "
                    + "2 not a project, template or version not found, downgrade, bad answer, 3 git failed."})
public class ProjectUpdateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "The project's folder (default: the current one).")
    String path;

    @Option(names = "--template-version", paramLabel = "VERSION",
            description = "The version to update to; refused unless the template's source holds it (default: the version it holds).")
    String version;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Move to this profile: basic, standard or advanced.")
    String profile;

    @Option(names = {"-d", "--data"}, paramLabel = "KEY=VALUE",
            description = "Change an answer to a template question; repeatable. year=YYYY changes the year the project was made in.")
    Map<String, String> data = new LinkedHashMap<>();

    @Option(names = "--template-dir", paramLabel = "PATH",
            description = "Take the template from this folder or git URL (default: where the project's template came from).")
    String templateDir;

    @Option(names = "--vcs-ref", paramLabel = "REF", description = "Branch, tag or commit of a git template.")
    String vcsRef;

    @Option(names = "--restore", paramLabel = "FILE", description = "Bring back a template file you deleted; repeatable.")
    List<String> restore = new ArrayList<>();

    @Option(names = "--allow-dirty", description = "Go ahead although files the update changes have uncommitted changes in git.")
    boolean allowDirty;

    @Option(names = "--undo", description = "Put the project back exactly as it was before the last update.")
    boolean undo;

    @Option(names = {"-f", "--force"}, description = "With --undo: also when files were changed since the update (those changes are lost).")
    boolean force;

    @Option(names = {"-n", "--dry-run"}, description = "Print the outcome per file and write nothing.")
    boolean dryRun;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        PrintWriter out = spec.commandLine().getOut();
        Path project = path == null ? context.workingDir() : context.resolve(path);
        if (undo) {
            return undo(out, project);
        }
        Map<String, Object> recorded = ProjectUpdater.open(project, new ArrayList<>());
        String version = VersionProvider.buildInfo().getProperty("version", "unknown");
        try (ScaffoldTemplateSource source = source(context, recorded)) {
            ProjectUpdater.Result result = new ProjectUpdater(p -> dirtyFiles(context, p)).update(new ProjectUpdater.Request(
                    project, source.pack(), profile, data, this.version, restore, dryRun, allowDirty, "ai-lab " + version));
            report(out, result);
            return result.conflicts().isEmpty() ? 0 : 1;
        }
    }

    /** The template: --template-dir, else where the project's template came from (a built-in name, a folder, a git URL). */
    private ScaffoldTemplateSource source(RunContext context, Map<String, Object> recorded) {
        if (templateDir != null) {
            return ScaffoldTemplateSource.open(context, null, templateDir, vcsRef);
        }
        String name = String.valueOf(recorded.get("template"));
        String origin = String.valueOf(recorded.get("template_source"));
        if (TemplateCatalog.BUILTIN.equals(origin)) {
            return ScaffoldTemplateSource.open(context, name, null, vcsRef);
        }
        int at = origin.lastIndexOf('@');
        if (at > 0 && GitUrls.looksLikeGitUrl(origin.substring(0, at))) {
            String rest = origin.substring(at + 1);
            String ref = vcsRef != null ? vcsRef : rest.contains(":") ? rest.substring(0, rest.lastIndexOf(':')) : null;
            return ScaffoldTemplateSource.open(context, null, origin.substring(0, at), ref);
        }
        if (!Files.isDirectory(Path.of(origin))) {
            throw new InvalidInputException("template " + name + " not found: the folder it came from, " + origin + ", is gone",
                    "give the template's folder or git URL with --template-dir");
        }
        return ScaffoldTemplateSource.open(context, null, origin, vcsRef);
    }

    /** Files of the project with uncommitted changes, when it lies in a git repository. */
    private static Set<String> dirtyFiles(RunContext context, Path project) {
        Path root = project;
        while (root != null && !Files.exists(root.resolve(".git"))) {
            root = root.getParent();
        }
        Set<String> dirty = new LinkedHashSet<>();
        if (root == null) {
            return dirty;
        }
        for (String p : GitSources.detect(context.env()).open(root).localChanges()) {
            Path file = root.resolve(p).normalize();
            if (file.startsWith(project)) {
                dirty.add(project.relativize(file).toString().replace('\\', '/'));
            }
        }
        return dirty;
    }

    private int undo(PrintWriter out, Path project) {
        ProjectUpdater.open(project, new ArrayList<>());
        if (dryRun) {
            throw new InvalidInputException("--undo has no --dry-run", "'ai-lab project status' shows what changed since the update");
        }
        List<String> changed = UpdateTransaction.changedSinceUpdate(project);
        if (!changed.isEmpty() && !force) {
            throw new OperationFailedException("files changed since the last update: " + String.join(", ", changed),
                    "undo would lose those changes; save them elsewhere and add --force");
        }
        List<String> files = UpdateTransaction.undo(project);
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("project", project.toString());
            json.put("undone", true);
            json.put("files", files);
            JsonOutput.write(out, json);
        } else {
            files.stream().filter(f -> !f.startsWith(".ai-lab/")).forEach(f -> out.println("  put back  " + f));
            out.println("Undid the last update of " + project + ".");
        }
        return 0;
    }

    private void report(PrintWriter out, ProjectUpdater.Result r) {
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("project", r.project().toString());
            json.put("template", r.template());
            json.put("from_version", r.fromVersion());
            json.put("to_version", r.toVersion());
            json.put("from_profile", r.fromProfile());
            json.put("to_profile", r.toProfile());
            json.put("dry_run", dryRun);
            json.put("migrations", r.migrations());
            List<Map<String, Object>> files = new ArrayList<>();
            for (ProjectUpdater.FileOutcome f : r.files()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", f.path());
                m.put("outcome", f.outcome().id());
                m.put("note", f.note());
                files.add(m);
            }
            json.put("files", files);
            json.put("conflicts", r.conflicts());
            json.put("notes", r.notes());
            JsonOutput.write(out, json);
            return;
        }
        out.println((dryRun ? "Plan for " : "Updated ") + r.project() + ": template " + r.template() + " " + r.fromVersion()
                + " -> " + r.toVersion() + ", profile " + r.fromProfile() + " -> " + r.toProfile());
        r.notes().forEach(n -> out.println("  note: " + n));
        r.migrations().forEach(m -> out.println("  migration " + m));
        for (ProjectUpdater.FileOutcome f : r.files()) {
            if (f.outcome() != ProjectUpdater.Outcome.UNCHANGED) {
                out.printf("  %-13s  %s%s%n", f.outcome().id(), f.path(), f.note() == null ? "" : "  (" + f.note() + ")");
            }
        }
        List<String> counts = new ArrayList<>();
        for (ProjectUpdater.Outcome o : ProjectUpdater.Outcome.values()) {
            long n = r.count(o);
            if (n > 0) {
                counts.add(n + " " + o.id());
            }
        }
        out.println(counts.isEmpty() ? "No template files." : String.join(", ", counts) + ".");
        if (!r.conflicts().isEmpty()) {
            out.println((dryRun ? "Would leave " : "Left ") + r.conflicts().size() + " conflict(s): " + String.join(", ", r.conflicts())
                    + ". Edit them (look for <<<<<<< yours), then check with 'ai-lab project status'.");
        }
        out.println(dryRun ? "Nothing written (dry run)." : "Undo with 'ai-lab project update --undo " + r.project() + "'.");
    }
}
