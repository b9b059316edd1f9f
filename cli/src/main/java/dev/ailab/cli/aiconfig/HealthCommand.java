package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.TextTable;
import dev.ailab.core.config.ConfigException;
import dev.ailab.core.config.LoadedConfig;
import dev.ailab.core.error.ExitCodes;
import dev.ailab.core.error.ToolkitException;
import dev.ailab.sources.git.GitAuth;
import dev.ailab.sources.library.Library;
import dev.ailab.sources.library.LibraryHealth;
import dev.ailab.sources.library.LibraryHealth.Check;
import dev.ailab.sources.library.LibraryHealth.Level;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Check the library, its remote, local edits, personal overrides, the config, the index, disk "
                + "space and permissions. Each check says ok, warning or error and how to fix it.",
                "Exit 0 when there is no error (warnings allowed), 1 otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config health", "  ai-config health --offline --output json"})
public class HealthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    HomeOption home;

    @Mixin
    AuthOptions auth;

    @Mixin
    OutputMixin output;

    @Option(names = "--offline", description = "Skip the remote reachability check.")
    boolean offline;

    /** The JSON document. */
    public record Report(String status, List<Check> checks) {
    }

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>();
        LoadedConfig loaded;
        try {
            loaded = AiConfigSupport.config(config, home, Map.of());
            checks.add(new Check("config valid", Level.OK, loaded.files().isEmpty() ? "no config file; defaults in use"
                    : loaded.files().size() + " file(s): " + loaded.files(), null));
        } catch (ConfigException e) {
            // One row for the config, whatever section is wrong; the other checks go on with what
            // fits of the layers (a typo in another section leaves library.path as written).
            String first = e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).format().lines().findFirst().orElse("");
            int more = e.problems().size() - 1;
            checks.add(new Check("config valid", Level.ERROR, first + (more > 0 ? " (and " + more + " more)" : ""),
                    "fix the file at that position; 'ai-config config validate' lists every problem"));
            loaded = config.loadLeniently(home.home == null ? Map.of() : Map.of("library.path", home.home));
        }
        Library library = AiConfigSupport.library(spec, loaded);
        GitAuth gitAuth;
        try {
            String url = null;
            try {
                url = library.isPresent() ? library.repository().remoteUrl() : null;
            } catch (ToolkitException e) {
                // reported by the repository check
            }
            gitAuth = AiConfigSupport.auth(spec, auth, loaded.config().library, url);
        } catch (ToolkitException e) {
            checks.add(new Check("credentials", Level.ERROR, e.getMessage(), e.hint()));
            gitAuth = GitAuth.none();
        }
        checks.addAll(LibraryHealth.run(library, offline, gitAuth));
        boolean error = checks.stream().anyMatch(c -> c.level() == Level.ERROR);
        boolean warning = checks.stream().anyMatch(c -> c.level() == Level.WARNING);
        String status = error ? "error" : warning ? "warning" : "ok";
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.write(out, new Report(status, checks));
        } else {
            TextTable table = new TextTable("CHECK", "STATUS", "DETAIL", "FIX");
            for (Check c : checks) {
                table.row(c.name(), c.level().name().toLowerCase(), c.detail(), c.fix() == null ? "" : c.fix());
            }
            table.print(out, TextTable.terminalWidth(RootCommand.contextOf(spec).env()));
            out.println();
            out.println("Overall: " + status);
            out.flush();
            // The table cuts long fixes at the terminal's width; the whole fix of each failed check goes to stderr.
            PrintWriter err = spec.commandLine().getErr();
            checks.stream().filter(c -> c.level() != Level.OK && c.fix() != null)
                    .forEach(c -> err.println("hint: " + c.name() + ": " + c.fix()));
            err.flush();
        }
        return error ? ExitCodes.FAILED : 0;
    }
}
