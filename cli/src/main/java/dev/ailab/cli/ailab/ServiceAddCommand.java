package dev.ailab.cli.ailab;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.cli.VersionProvider;
import dev.ailab.core.template.MonorepoServices;
import dev.ailab.core.template.ProjectPlan;
import dev.ailab.core.template.TemplatePack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ai-lab service add}: a new service folder from a template, wired into the monorepo. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Make services/NAME from a template and wire it into the monorepo.",
            "Each shared file (Makefile, compose.yaml, infrastructure/kubernetes/kustomization.yaml, "
                    + ".github/workflows/ci.yml, docs/README.md) gets one block marked with the service's name, "
                    + "put above the file's line '# --- ai-lab service blocks above this line ---'; nothing else "
                    + "in it changes. The Deployment and Service go to infrastructure/kubernetes/NAME.yaml. "
                    + "Adding a service that is already there changes nothing; a services/NAME folder made by "
                    + "ai-lab (for example one moved back after 'service remove') is wired in as it is."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ai-lab service add auth",
            "  ai-lab service add billing --template java --port 8081",
            "  ai-lab service add crew --template agent-os --data agents=planner",
            "  ai-lab service add web --template ./my-template platform",
            "",
            "Exit codes: 0 added or already there, 1 a shared file or folder is in the way (nothing changed), "
                    + "2 bad name, option or answer, or no monorepo found."})
public class ServiceAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Service name: lower-case letters, digits and '-'.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH",
            description = ServiceOutput.PATH_HELP)
    String path;

    @Option(names = {"-t", "--template"}, paramLabel = "TEMPLATE",
            description = "Template name (python, java, agent-os or one of yours) or a template folder (default python).")
    String template;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "basic, standard or advanced (default: the monorepo's profile).")
    String profile;

    @Option(names = "--port", paramLabel = "N", description = "The service's port (default: the first free one from 8080).")
    Integer port;

    @Option(names = {"-d", "--data"}, paramLabel = "KEY=VALUE", description = "An answer to a template question; repeatable.")
    Map<String, String> data = new LinkedHashMap<>();

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        MonorepoServices services = ServiceOutput.monorepo(context, path);
        MonorepoServices.validateName(name);
        String version = VersionProvider.buildInfo().getProperty("version", "unknown");
        MonorepoServices.AddResult result;
        if (template == null && !services.needsTemplate(name)) {
            result = services.add(new MonorepoServices.AddRequest(name, null, profile, port, data, "ai-lab " + version));
        } else {
            String t = template == null ? ProjectPlan.DEFAULT_TEMPLATE : template;
            Path dir = context.resolve(t);
            boolean folder = t.contains("/") || Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(TemplatePack.MANIFEST));
            try (ScaffoldTemplateSource source = ScaffoldTemplateSource.open(context, folder ? null : t, folder ? t : null, null)) {
                result = services.add(new MonorepoServices.AddRequest(name, source.pack(), profile, port, data,
                        "ai-lab " + version));
            }
        }
        print(spec.commandLine().getOut(), services, result);
        return 0;
    }

    private void print(PrintWriter out, MonorepoServices services, MonorepoServices.AddResult r) {
        if (output.json()) {
            Map<String, Object> json = ServiceOutput.service(r.service(), services.root());
            json.put("changed", r.changed());
            json.put("files", ServiceOutput.changes(r.files()));
            JsonOutput.write(out, json);
            return;
        }
        MonorepoServices.Service s = r.service();
        if (!r.changed()) {
            out.println("Service " + s.name() + " is already added to " + services.root() + "; nothing changed.");
            return;
        }
        out.println("Added service " + s.name() + " (template " + s.template() + ", " + s.profile() + ", port " + s.port()
                + ") to " + services.root() + ":");
        ServiceOutput.printChanges(out, r.files());
        out.println("'ai-lab service list' shows its wiring; 'ai-lab service remove " + s.name() + "' takes it out again.");
    }
}
