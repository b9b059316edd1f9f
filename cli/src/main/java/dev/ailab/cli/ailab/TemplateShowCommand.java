package dev.ailab.cli.ailab;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.core.profile.Profile;
import dev.ailab.core.template.Answers;
import dev.ailab.core.template.TemplateManifest;
import dev.ailab.core.template.TemplatePack;
import java.io.PrintWriter;
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

/** {@code ai-lab template show NAME}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Describe a template: its questions (with defaults and allowed values) and what each profile tier adds.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab template show python", "  ai-lab template show --template-dir ./my-template",
            "  ai-lab template show https://github.com/me/tpl.git --vcs-ref main -o json"})
public class TemplateShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Template name or git URL.")
    String name;

    @Option(names = "--template-dir", paramLabel = "PATH", description = "Describe the template in this folder instead.")
    String templateDir;

    @Option(names = "--vcs-ref", paramLabel = "REF", description = "Branch, tag or commit of a git URL template.")
    String vcsRef;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        if (name == null && templateDir == null) {
            throw new dev.ailab.core.error.InvalidInputException("give a template NAME or --template-dir PATH",
                    "see 'ai-lab template list' for the names");
        }
        try (ScaffoldTemplateSource source = ScaffoldTemplateSource.open(RootCommand.contextOf(spec), name, templateDir, vcsRef)) {
            TemplatePack pack = source.pack();
            TemplateManifest m = pack.manifest();
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("name", pack.name());
                json.put("version", pack.version());
                json.put("source", pack.origin());
                json.put("description", m.description);
                List<Map<String, Object>> questions = new ArrayList<>();
                for (TemplateManifest.Question q : m.questions) {
                    Map<String, Object> qm = new LinkedHashMap<>();
                    qm.put("name", q.name);
                    qm.put("prompt", q.prompt);
                    qm.put("help", q.help);
                    qm.put("type", q.type);
                    qm.put("default", q.defaultValue);
                    qm.put("choices", q.choices);
                    qm.put("pattern", q.pattern);
                    questions.add(qm);
                }
                json.put("questions", questions);
                Map<String, Object> tiers = new LinkedHashMap<>();
                for (Profile p : Profile.values()) {
                    List<Map<String, Object>> rules = new ArrayList<>();
                    for (TemplateManifest.FileRule r : m.tiers.getOrDefault(p.id(), List.of())) {
                        Map<String, Object> rm = new LinkedHashMap<>();
                        rm.put("path", r.path);
                        rm.put("to", r.to);
                        rm.put("when", r.when);
                        rm.put("each", r.each);
                        rm.put("verbatim", Boolean.TRUE.equals(r.verbatim));
                        rm.put("delimiters", r.delimiters);
                        rules.add(rm);
                    }
                    tiers.put(p.id(), rules);
                }
                json.put("tiers", tiers);
                JsonOutput.write(out, json);
                return 0;
            }
            out.println(pack.name() + " " + pack.version() + " (" + pack.origin() + ")");
            if (!m.description.isBlank()) {
                out.println("  " + m.description);
            }
            out.println();
            out.println("Questions (answer with --data NAME=VALUE):");
            if (m.questions.isEmpty()) {
                out.println("  (none)");
            }
            for (TemplateManifest.Question q : m.questions) {
                StringBuilder line = new StringBuilder("  ").append(q.name).append(" (").append(q.type);
                if (q.defaultValue != null) {
                    line.append(", default ").append(Answers.display(q.defaultValue));
                }
                line.append(")");
                if (q.prompt != null) {
                    line.append(": ").append(q.prompt);
                }
                out.println(line);
                if (!q.choices.isEmpty()) {
                    out.println("      one of: " + String.join(", ", q.choices));
                }
                if (q.pattern != null) {
                    out.println("      must match: " + q.pattern);
                }
                if (q.help != null) {
                    out.println("      " + q.help);
                }
            }
            for (Profile p : Profile.values()) {
                out.println();
                out.println("Tier " + p.id() + (p == Profile.BASIC ? "" : " (adds)") + ":");
                List<TemplateManifest.FileRule> rules = m.tiers.getOrDefault(p.id(), List.of());
                if (rules.isEmpty()) {
                    out.println("  (nothing)");
                }
                for (TemplateManifest.FileRule r : rules) {
                    StringBuilder line = new StringBuilder("  ").append(r.to != null ? r.to : r.path.replaceAll("\\.mustache$", ""));
                    List<String> notes = new ArrayList<>();
                    if (r.when != null) {
                        notes.add("when " + r.when);
                    }
                    if (r.each != null) {
                        notes.add("for each " + r.each);
                    }
                    if (Boolean.TRUE.equals(r.verbatim)) {
                        notes.add("verbatim");
                    }
                    if (r.delimiters != null) {
                        notes.add("delimiters " + r.delimiters);
                    }
                    if (!notes.isEmpty()) {
                        line.append("  [").append(String.join("; ", notes)).append(']');
                    }
                    out.println(line);
                }
            }
            out.flush();
        }
        return 0;
    }
}
