package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.TextTable;
import dev.ailab.sources.library.Library;
import dev.ailab.sources.library.VersionLog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "log", mixinStandardHelpOptions = true,
        description = "List the versions applied to this library (newest first): number, time, action, commit, summary.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config library log", "  ai-config library rollback 3"})
public class LibraryLogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    HomeOption home;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        Library library = AiConfigSupport.library(spec, AiConfigSupport.config(config, home, Map.of()));
        List<VersionLog.Version> versions = new java.util.ArrayList<>(library.versions().read());
        java.util.Collections.reverse(versions);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.write(out, versions);
            return 0;
        }
        if (versions.isEmpty()) {
            out.println("No versions recorded yet; run 'ai-config init'.");
            out.flush();
            return 0;
        }
        String head = library.isPresent() ? library.repository().resolve("HEAD") : null;
        TextTable table = new TextTable("", "VERSION", "TIME", "ACTION", "COMMIT", "CHANGES", "SUMMARY");
        for (VersionLog.Version v : versions) {
            table.row(v.commit().equals(head) && v == versions.stream().filter(x -> x.commit().equals(head)).findFirst().orElse(null) ? "*" : "",
                    v.number(), v.time().replaceFirst("\\.\\d+Z$", "Z").replace('T', ' '), v.action(), v.shortCommit(),
                    v.action().equals("init") ? "" : "+" + v.added() + " ~" + v.modified() + " -" + v.deleted(), v.summary());
        }
        table.print(out, TextTable.terminalWidth(RootCommand.contextOf(spec).env()));
        return 0;
    }
}
