package dev.ailab.cli.ailab;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.core.template.MonorepoServices;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ai-lab service remove}: takes out exactly what {@code service add} put in. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Take a service out of the monorepo: exactly the blocks and files 'service add' put in.",
            "Its folder and Kubernetes manifest move to .ai-lab/removed/NAME-TIME/ (never deleted); move the folder "
                    + "back to services/NAME and run 'ai-lab service add NAME' to bring it back. A service whose folder "
                    + "or blocks were edited by hand is refused, with the files listed, unless --force."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ai-lab service remove auth",
            "  ai-lab service remove auth --keep-files",
            "  ai-lab service remove billing platform --force",
            "",
            "Exit codes: 0 removed, 1 not a service added by ai-lab or edited by hand (nothing changed), "
                    + "2 bad name or no monorepo found."})
public class ServiceRemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The service to remove.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH",
            description = ServiceOutput.PATH_HELP)
    String path;

    @Option(names = "--keep-files", description = "Leave services/NAME where it is; only unwire it.")
    boolean keepFiles;

    @Option(names = {"-f", "--force"}, description = "Remove it even when its folder or blocks were edited by hand.")
    boolean force;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        MonorepoServices services = ServiceOutput.monorepo(context, path);
        MonorepoServices.RemoveResult r = services.remove(name, keepFiles, force, Instant.now());
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> json = ServiceOutput.service(r.service(), services.root());
            json.put("recovery", r.recovery() == null ? null : r.recovery().toString());
            json.put("files", ServiceOutput.changes(r.files()));
            JsonOutput.write(out, json);
            return 0;
        }
        out.println("Removed service " + name + " from " + services.root() + ":");
        ServiceOutput.printChanges(out, r.files());
        if (r.recovery() != null) {
            out.println("Kept in " + r.recovery() + "; to bring it back:");
            out.println("  mv " + r.recovery().resolve(r.service().folder()) + " " + services.root().resolve(r.service().folder())
                    + " && ai-lab service add " + name);
        }
        return 0;
    }
}
