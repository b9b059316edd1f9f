package dev.ailab.cli.ailab;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.core.template.update.ProjectUpdater;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ai-lab project status}: conflicts still marked, and files changed since the last update. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"List files that still hold conflict markers and files changed since the last update.",
            "A binary file whose template copy still lies beside it counts as a conflict."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab project status", "  ai-lab project status ~/code/demo -o json", "",
            "Exit codes: 0 ok (also with conflicts listed), 2 not a project made by ai-lab."})
public class ProjectStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "The project's folder (default: the current one).")
    String path;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        PrintWriter out = spec.commandLine().getOut();
        ProjectUpdater.Status s = ProjectUpdater.status(path == null ? context.workingDir() : context.resolve(path));
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("project", s.project().toString());
            json.put("template", s.template());
            json.put("template_version", s.version());
            json.put("profile", s.profile());
            json.put("conflicts", s.conflicts());
            List<Map<String, Object>> changed = new ArrayList<>();
            s.changed().forEach((p, c) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", p);
                m.put("change", c);
                changed.add(m);
            });
            json.put("changed", changed);
            json.put("undo_available", s.undoable());
            json.put("notes", s.notes());
            JsonOutput.write(out, json);
            return 0;
        }
        out.println(s.project() + ": template " + s.template() + " " + s.version() + ", profile " + s.profile());
        s.notes().forEach(n -> out.println("  note: " + n));
        s.conflicts().forEach(c -> out.println("  conflict   " + c));
        s.changed().forEach((p, c) -> out.printf("  %-9s  %s%n", c, p));
        out.println(s.conflicts().size() + " conflict(s), " + s.changed().size() + " file(s) changed since the last update"
                + (s.undoable() ? "; 'ai-lab project update --undo' can take the last update back." : "."));
        return 0;
    }
}
