package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandFrameworkTest {
    @TempDir
    Path home;

    @Test
    void versionNamesToolkitCommitAndJava() {
        CliHarness.Result r = CliHarness.aiLab(home).run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("ai-lab ").contains("commit ").contains("Java " + System.getProperty("java.version"));
        assertThat(r.out()).doesNotContain("${");
    }

    @Test
    void unknownOptionIsUsageErrorWithHintAndNoStackTrace() {
        CliHarness.Result r = CliHarness.aiLab(home).run("--frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: unknown option '--frobnicate'").contains("hint: run 'ai-lab --help'");
        assertThat(r.err()).doesNotContain("at picocli");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void mistypedSubcommandGetsASuggestion() {
        CliHarness.Result r = CliHarness.aiLab(home).run("wrk");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("work");
    }

    @Test
    void groupWithoutSubcommandPrintsUsageOnStderrAndExits2() {
        CliHarness.Result r = CliHarness.aiLab(home).run("secrets");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: ai-lab secrets");
    }

    @Test
    void everyFrontHasHelpWithExitCodes() {
        for (RootCommand root : Fronts.all()) {
            CliHarness.Result r = new CliHarness(() -> root, home).run("--help");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Usage: ").contains("Exit codes:");
        }
    }

    @Test
    void completionScriptsForBashAndZsh() {
        CliHarness.Result bash = CliHarness.aiLab(home).run("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("complete -F").contains("ai-lab");
        CliHarness.Result zsh = CliHarness.aiLab(home).run("completion", "zsh");
        assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit");
    }

    @Test
    void globalOptionsWorkAfterTheSubcommand() {
        CliHarness.Result r = CliHarness.aiLab(home).run("completion", "-v", "-q", "bash");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltButHelpListsThemAll() {
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        RunContext context = RunContext.system();
        picocli.CommandLine lazy = CommandLineFactory.create(new AiLabCommand(), context, sink, sink,
                new String[] {"-v", "work", "list"});
        assertThat(lazy.getSubcommands()).containsOnlyKeys("work");
        assertThat(lazy.getSubcommands().get("work").getSubcommands()).containsOnlyKeys("list", "ls");
        picocli.CommandLine typo = CommandLineFactory.create(new AiLabCommand(), context, sink, sink,
                new String[] {"work", "lsit"});
        assertThat(typo.getSubcommands().get("work").getSubcommands()).containsKeys("add", "list", "export");
        assertThat(CliHarness.aiLab(home).run("work", "lsit").err()).contains("Did you mean 'ai-lab work list'?");
        picocli.CommandLine full = CommandLineFactory.create(new AiLabCommand(), context, sink, sink,
                new String[] {"--help"});
        assertThat(full.getSubcommands()).containsKeys("work", "create-project", "secrets", "completion");
        assertThat(full.getSubcommands().get("secrets").getSubcommands()).containsKeys("set", "get", "rotate");
        CliHarness.Result help = CliHarness.aiLab(home).run("--help");
        assertThat(help.out()).contains("create-project").contains("secrets").contains("completion");
    }

    @Test
    void pathsWithATildeUseTheRunsOwnHome() {
        RunContext context = new RunContext(java.util.Map.of("HOME", home.toString()), home.resolve("work"),
                java.io.InputStream.nullInputStream(), false);
        assertThat(context.resolve("~/notes.md")).isEqualTo(home.resolve("notes.md"));
        assertThat(context.resolve("plain.md")).isEqualTo(home.resolve("work/plain.md"));
    }

    @Test
    void aRunThatLogsNothingNeverStartsLogbackButOneThatLogsDoes() throws Exception {
        runJavaListingClasses("work", "add", "first item");
        String quiet = runJavaListingClasses("work", "list");
        assertThat(quiet).contains("TITLE").doesNotContain("ch.qos.logback.classic.LoggerContext");
        String verbose = runJavaListingClasses("-vv", "db", "info");
        assertThat(verbose).contains("ch.qos.logback.classic.LoggerContext").contains("DEBUG: ");
    }

    /** Runs ai-lab in a new JVM with -verbose:class and returns everything it printed. */
    private String runJavaListingClasses(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                ProcessHandle.current().info().command().orElse("java"), "-verbose:class",
                "-cp", System.getProperty("java.class.path"), AiLabCommand.class.getName()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        for (String xdg : new String[] {"XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"}) {
            pb.environment().put(xdg, home.resolve(xdg.toLowerCase(java.util.Locale.ROOT)).toString());
        }
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
