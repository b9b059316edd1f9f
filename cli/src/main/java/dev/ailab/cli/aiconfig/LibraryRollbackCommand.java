package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.sources.library.Library;
import dev.ailab.sources.library.UpdateReport;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Return the library to an earlier applied version (default: the one before the current).",
                "Local edits are kept the same way as by update; 'library update' moves forward again."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config library rollback          # one version back", "  ai-config library rollback 2",
                "  ai-config library rollback 1a2b3c4d"})
public class LibraryRollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    HomeOption home;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "VERSION", description = "Version number or commit from 'library log'.")
    String version;

    @Option(names = {"-n", "--dry-run"}, description = "Show what would change; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Library library = AiConfigSupport.library(spec, AiConfigSupport.config(config, home, Map.of()));
        if (!dryRun && library.isPresent()) {
            String recovered = library.recoverInterrupted();
            if (recovered != null) {
                spec.commandLine().getErr().println("note: " + recovered);
            }
        }
        UpdateReport r = library.rollback(version, dryRun);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.write(out, r);
        } else {
            LibraryUpdateCommand.print(out, r, dryRun);
        }
        return r.conflicts().isEmpty() ? 0 : 1;
    }
}
