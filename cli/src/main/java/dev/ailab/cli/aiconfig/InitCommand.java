package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.config.LoadedConfig;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.sources.library.Library;
import dev.ailab.sources.library.SyncFolders;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Clone the shared library into library/ and create personal/ beside it.",
                "Running it again on an existing library says so and changes nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-config init git@github.com:team/ai-library.git --ssh-key ~/.ssh/id_ed25519",
                "  ai-config init https://github.com/team/ai-library.git --token-env GH_TOKEN",
                "  ai-config init            # uses library.repository from the config",
                "  ai-config init git@github.com:team/ai-library.git --personal ~/Sync/personal"})
public class InitCommand implements Callable<Integer> {
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

    @Parameters(index = "0", arity = "0..1", paramLabel = "REPO_URL", description = "Repository to clone (default: library.repository).")
    String url;

    @Option(names = "--branch", paramLabel = "B", description = "Branch to follow (default: library.branch, else main).")
    String branch;

    @Option(names = "--personal", paramLabel = "DIR",
            description = "Where personal/ lives (default: beside library/, or asked on a terminal, with the folders "
                    + "Syncthing, Nextcloud or a network share already sync offered).")
    String personal;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "0",
            description = "Shallow clone with the last N commits (0: full history, needed to roll back before the first version).")
    int depth;

    @Override
    public Integer call() {
        if (depth < 0) {
            throw new InvalidInputException("--depth must be 0 or more, got " + depth, "use --depth 1 for the fastest first clone");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        if (branch != null) {
            overrides.put("library.branch", branch);
        }
        if (url != null) {
            overrides.put("library.repository", url);
        }
        if (personal != null) {
            overrides.put("library.personal", personal);
        }
        LoadedConfig loaded = AiConfigSupport.config(config, home, overrides);
        Library library = AiConfigSupport.library(spec, loaded);
        RunContext context = RootCommand.contextOf(spec);
        if (personal == null && loaded.config().library.personal == null && !library.isPresent() && context.interactive()) {
            // Only a person at a terminal is asked; scripts get the default or --personal.
            Path chosen = PersonalPrompt.ask(context, spec.commandLine().getErr(), library.home().personal(),
                    SyncFolders.from(context.env()).find());
            if (!chosen.equals(library.home().personal())) {
                overrides.put("library.personal", chosen.toString());
                loaded = AiConfigSupport.config(config, home, overrides);
                library = AiConfigSupport.library(spec, loaded);
            }
        }
        String repo = loaded.config().library.repository;
        Library.InitResult r;
        try (AiConfigSupport.Progress progress = new AiConfigSupport.Progress(spec)) {
            r = library.init(repo, depth, library.isPresent() ? null : AiConfigSupport.auth(spec, auth, loaded.config().library, repo),
                    progress);
        }
        if (r.note() != null) {
            spec.commandLine().getErr().println("note: " + r.note());
            spec.commandLine().getErr().flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.write(out, r);
            return 0;
        }
        if (r.created()) {
            out.printf("Cloned %s (branch %s) into %s in %.1f s with %s%n", r.url(), r.branch(), r.library(),
                    r.millis() / 1000.0, r.client());
            out.printf("Version 1: %s %s%n", r.commit().substring(0, 10), r.summary());
            out.printf("Put your own files and overrides in %s (same relative path wins).%n", library.home().personal());
        } else {
            out.printf("A library is already at %s (from %s, at %s %s); nothing was changed.%n", r.library(), r.url(),
                    r.commit().substring(0, 10), r.summary());
            out.println("Run 'ai-config library update' to bring it up to date.");
        }
        out.flush();
        return 0;
    }
}
