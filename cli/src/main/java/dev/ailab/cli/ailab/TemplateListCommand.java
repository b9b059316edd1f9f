package dev.ailab.cli.ailab;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.cli.TextTable;
import dev.ailab.core.template.TemplatePack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ai-lab template list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the templates create-project can use: yours (they win over a built-in one of the same name), then the built-in ones.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab template list", "  ai-lab template list --output json"})
public class TemplateListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        RunContext context = RootCommand.contextOf(spec);
        List<TemplatePack> packs = ScaffoldTemplateSource.catalog(context).list();
        if (output.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TemplatePack p : packs) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", p.name());
                row.put("version", p.version());
                row.put("source", p.origin());
                row.put("description", p.manifest().description);
                rows.add(row);
            }
            JsonOutput.write(spec.commandLine().getOut(), rows);
            return 0;
        }
        TextTable table = new TextTable("NAME", "VERSION", "SOURCE", "DESCRIPTION");
        for (TemplatePack p : packs) {
            table.row(p.name(), p.version(), p.origin(), p.manifest().description);
        }
        table.print(spec.commandLine().getOut(), TextTable.terminalWidth(context.env()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
