package dev.ailab.cli.ailab;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.cli.TextTable;
import dev.ailab.core.template.MonorepoServices;
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

/** {@code ai-lab service list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the services added with 'service add': template, profile, port and whether each is fully wired in.",
            "WIRED is 'no' when a block or the Kubernetes manifest is missing or was edited by hand, or the folder is gone; "
                    + "the NOTES column names what."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab service list", "  ai-lab service list platform --output json"})
public class ServiceListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = ServiceOutput.PATH_HELP)
    String path;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        MonorepoServices services = ServiceOutput.monorepo(context, path);
        List<MonorepoServices.Listed> listed = services.list();
        if (output.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (MonorepoServices.Listed l : listed) {
                Map<String, Object> row = ServiceOutput.service(l.service(), services.root());
                row.put("wired", l.wired());
                row.put("folder_present", l.folderPresent());
                row.put("folder_edits", l.folderEdits());
                List<Map<String, Object>> wiring = new ArrayList<>();
                for (MonorepoServices.Wire w : l.wiring()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", w.path());
                    m.put("state", w.state().id());
                    wiring.add(m);
                }
                row.put("wiring", wiring);
                rows.add(row);
            }
            JsonOutput.write(spec.commandLine().getOut(), rows);
            return 0;
        }
        if (listed.isEmpty()) {
            spec.commandLine().getOut().println("No services added to " + services.root()
                    + " yet; add one with 'ai-lab service add NAME'.");
            return 0;
        }
        TextTable table = new TextTable("NAME", "TEMPLATE", "PROFILE", "PORT", "WIRED", "NOTES");
        for (MonorepoServices.Listed l : listed) {
            List<String> notes = new ArrayList<>();
            if (!l.folderPresent()) {
                notes.add(l.service().folder() + " missing");
            } else if (!l.folderEdits().isEmpty()) {
                notes.add(l.folderEdits().size() + " files changed in " + l.service().folder());
            }
            l.wiring().stream().filter(w -> w.state() != MonorepoServices.State.OK)
                    .forEach(w -> notes.add(w.path() + " " + w.state().id()));
            table.row(l.service().name(), l.service().template(), l.service().profile(), String.valueOf(l.service().port()),
                    l.wired() ? "yes" : "no", String.join("; ", notes));
        }
        table.print(spec.commandLine().getOut(), TextTable.terminalWidth(context.env()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
