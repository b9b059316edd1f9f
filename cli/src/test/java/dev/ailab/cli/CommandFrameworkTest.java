package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.cli.aiconfig.AiConfigCommand;
import dev.ailab.cli.vectorweight.VectorweightCommand;
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
        assertThat(r.err()).contains("error: Unknown option: '--frobnicate'").contains("hint: run 'ai-lab --help'");
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
        for (RootCommand root : new RootCommand[] {new AiLabCommand(), new VectorweightCommand(), new AiConfigCommand()}) {
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
        picocli.CommandLine full = CommandLineFactory.create(new AiLabCommand(), context, sink, sink,
                new String[] {"--help"});
        assertThat(full.getSubcommands()).containsKeys("work", "create-project", "secrets", "completion");
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
}
