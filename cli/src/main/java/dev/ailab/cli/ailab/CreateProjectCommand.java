package dev.ailab.cli.ailab;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.cli.VersionProvider;
import dev.ailab.core.profile.Profile;
import dev.ailab.core.template.Monorepo;
import dev.ailab.core.template.MustacheRenderer;
import dev.ailab.core.template.ProjectGenerator;
import dev.ailab.core.template.ProjectNames;
import dev.ailab.core.template.ProjectPlan;
import dev.ailab.core.template.TemplatePack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ai-lab create-project}: a new project from a template at a profile. */
@Command(name = "create-project", mixinStandardHelpOptions = true,
        description = {"Create a project from a template and profile.",
            "Missing answers are asked on a terminal; in scripts (--defaults, --data, no terminal) the defaults are used "
                    + "and nothing waits for input. The project is rendered beside the target and moved into place, "
                    + "so a failure leaves nothing half-made."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ai-lab create-project demo",
            "  ai-lab create-project api --template java --profile advanced --defaults",
            "  ai-lab create-project svc --data python_version=3.12 --dry-run",
            "  ai-lab create-project platform --template monorepo --data services=auth,web",
            "  ai-lab create-project auth --dir platform/services",
            "  ai-lab create-project x --template https://host/tpl.git --vcs-ref v1",
            "",
            "Profiles (cumulative): basic (source, tests, README, .gitignore), standard (+ CI, lint and format, docs/, "
                    + "Makefile, pre-commit), advanced (+ container, security scanning, release, dependency updates, "
                    + "devcontainer, Kubernetes).",
            "Exit codes: 0 ok, 1 target not empty or cannot write, 2 bad name, option or answer, 3 git failed."})
public class CreateProjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Project name, also its folder: " + ProjectNames.ALLOWED + ".")
    String name;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "basic, standard or advanced (default: the project's earlier profile, else standard).")
    String profile;

    @Option(names = {"-t", "--template"}, paramLabel = "TEMPLATE",
            description = "Template name (see 'ai-lab template list'; default python) or a git URL.")
    String template;

    @Option(names = "--dir", paramLabel = "PARENT", description = "Folder to create the project in (default: the current one).")
    String dir;

    @Option(names = {"-d", "--data"}, paramLabel = "KEY=VALUE", description = "An answer to a template question; repeatable.")
    Map<String, String> data = new LinkedHashMap<>();

    @Option(names = "--data-file", paramLabel = "FILE", description = "Answers from a YAML or JSON file (--data wins over it).")
    String dataFile;

    @Option(names = "--defaults", description = "Never ask: take the default of every question not answered.")
    boolean defaults;

    @Option(names = {"-n", "--dry-run"}, description = "Print the plan (create, identical, overwrite, skip per file) and write nothing.")
    boolean dryRun;

    @Option(names = {"-f", "--force"}, description = "Add to an existing non-empty folder. Files you changed are kept; nothing is deleted.")
    boolean force;

    @Option(names = "--template-dir", paramLabel = "PATH", description = "Use the template in this folder (or git URL).")
    String templateDir;

    @Option(names = "--vcs-ref", paramLabel = "REF", description = "Branch, tag or commit of a git URL template.")
    String vcsRef;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProjectPlan.Options options = new ProjectPlan.Options(name,
                dir == null ? context.workingDir() : context.resolve(dir), profile, template, templateDir, data,
                dataFile == null ? null : context.resolve(dataFile), defaults, context.interactive());
        ScaffoldPrompter prompter = options.asks() ? new ScaffoldPrompter(context.stdin(), err) : null;
        ProjectPlan plan = ProjectPlan.choose(options, ScaffoldTemplateSource.catalog(context), prompter);

        try (ScaffoldTemplateSource source = ScaffoldTemplateSource.open(context, plan.templateName(), templateDir, vcsRef)) {
            TemplatePack pack = source.pack();
            if (prompter != null) {
                err.println("Creating " + name + " from template " + pack.name() + " " + pack.version()
                        + " (" + plan.profile().id() + "); press Enter to take the [default].");
            }
            ProjectPlan.Answered answered = plan.answer(pack);
            String version = VersionProvider.buildInfo().getProperty("version", "unknown");
            ProjectGenerator.Result result = new ProjectGenerator().generate(
                    plan.request(pack, answered, force, dryRun, "ai-lab " + version));
            report(out, pack, plan.profile(), result, answered.context(), plan.monorepo(), context.workingDir());
        }
        return 0;
    }

    private void report(PrintWriter out, TemplatePack pack, Profile chosen, ProjectGenerator.Result result,
            Map<String, Object> ctx, Monorepo monorepo, Path workingDir) {
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("target", result.target().toString());
            json.put("template", pack.name());
            json.put("template_version", pack.version());
            json.put("template_source", pack.origin());
            json.put("profile", chosen.id());
            json.put("dry_run", dryRun);
            json.put("new_project", result.newProject());
            json.put("monorepo", monorepo == null ? null : monorepo.root().toString());
            List<Map<String, Object>> files = new ArrayList<>();
            for (ProjectGenerator.PlannedFile f : result.files()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", f.path());
                m.put("action", f.action().id());
                m.put("size", f.size());
                files.add(m);
            }
            json.put("files", files);
            JsonOutput.write(out, json);
            return;
        }
        String what = "template " + pack.name() + " " + pack.version() + ", profile " + chosen.id();
        boolean listFiles = dryRun || !result.newProject();
        if (dryRun) {
            out.println("Plan for " + result.target() + " (" + what + "):");
        }
        if (listFiles) {
            for (ProjectGenerator.PlannedFile f : result.files()) {
                out.printf("  %-9s  %s%n", f.action().id(), f.path());
            }
        }
        String counts = result.count(ProjectGenerator.Action.CREATE) + " create, "
                + result.count(ProjectGenerator.Action.IDENTICAL) + " identical, "
                + result.count(ProjectGenerator.Action.OVERWRITE) + " overwrite, "
                + result.count(ProjectGenerator.Action.SKIP) + " skip (kept as you changed them)";
        if (dryRun) {
            out.println(counts);
            out.println("Nothing written (dry run).");
        } else if (result.newProject()) {
            out.println("Created " + result.target() + " (" + what + ", " + result.files().size() + " files).");
        } else {
            out.println("Updated " + result.target() + " (" + what + "): " + counts + ".");
        }
        if (monorepo != null && !dryRun) {
            out.println("Part of monorepo " + monorepo.name() + " (" + monorepo.root()
                    + "): 'make build' and 'make test' there include it.");
        }
        if (!dryRun && result.newProject() && !pack.manifest().nextSteps.isEmpty()) {
            MustacheRenderer renderer = new MustacheRenderer();
            out.println("Next steps:");
            for (String step : pack.manifest().nextSteps) {
                String shown = fromHere(renderer.render(step, "next step", ctx, MustacheRenderer.STANDARD),
                        result.target(), workingDir);
                if (shown != null) {
                    out.println("  " + shown);
                }
            }
        }
    }

    /**
     * A template's "cd <project>" step as the user must type it from where they are: the path of
     * the new project relative to the working folder ({@code --dir} and monorepo folders
     * included), or no step at all when they are already in it. Other steps are kept as written.
     */
    static String fromHere(String step, Path target, Path workingDir) {
        String trimmed = step.strip();
        if (!trimmed.startsWith("cd ") || !trimmed.substring(3).strip().equals(target.getFileName().toString())) {
            return step;
        }
        Path from = workingDir.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        String relative = to.getRoot() != null && to.getRoot().equals(from.getRoot()) ? from.relativize(to).toString()
                : to.toString();
        if (relative.isEmpty()) {
            return null;
        }
        return "cd " + (relative.matches("[A-Za-z0-9_./@%+=:,-]+") ? relative : "'" + relative.replace("'", "'\\''") + "'");
    }
}
