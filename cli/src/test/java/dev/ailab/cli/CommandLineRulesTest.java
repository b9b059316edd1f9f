package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The rules every front follows alike: a bare front or group, typos, -v versus -x, help text that formats. */
class CommandLineRulesTest {
    @TempDir
    Path home;

    private CliHarness front(String name) {
        return new CliHarness(Fronts.byName().get(name), home);
    }

    @ParameterizedTest
    @CsvSource({"ai-lab,''", "ai-lab,work", "ai-lab,secrets", "vectorweight,''", "ai-config,''", "ai-config,library"})
    void aFrontOrGroupWithoutItsCommandPrintsUsageOnStderrAndExits2(String front, String group) {
        CliHarness.Result r = group.isEmpty() ? front(front).run() : front(front).run(group);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Usage: " + front + (group.isEmpty() ? "" : " " + group));
    }

    @ParameterizedTest
    @CsvSource({
        "ai-lab, wrok, ai-lab work",
        "ai-lab, work lsit, ai-lab work list",
        "ai-lab, creat-project, ai-lab create-project",
        "vectorweight, genrate, vectorweight generate",
        "ai-config, libary, ai-config library",
        "ai-lab, work list --lable, ai-lab work list --label",
    })
    void aTypoSuggestsTheNearestName(String front, String typed, String suggestion) {
        CliHarness.Result r = front(front).run(typed.split(" "));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Did you mean '" + suggestion + "'?").doesNotContain("Unmatched argument");
    }

    @Test
    void somethingFarFromEveryCommandGetsNoGuess() {
        CliHarness.Result r = front("ai-lab").run("zzzzzzzz");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'zzzzzzzz' is not a command of ai-lab").doesNotContain("Did you mean");
    }

    @Test
    void verboseAddsLogsButOnlyStacktraceAddsTheTrace() {
        String missing = home.resolve("missing.yaml").toString();
        CliHarness.Result verbose = front("vectorweight").run("-vv", "validate", "--config", missing);
        CliHarness.Result traced = front("vectorweight").run("-x", "validate", "--config", missing);
        assertThat(verbose.exitCode()).isEqualTo(traced.exitCode()).isNotZero();
        assertThat(verbose.err()).contains("error:").doesNotContain("\tat dev.ailab");
        assertThat(traced.err()).contains("\tat dev.ailab");
    }

    @Test
    void everyHelpTextFormatsWithoutAPicocliWarning() {
        List<String> bad = new ArrayList<>();
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (RootCommand root : Fronts.all()) {
            checkFormats(CommandLineFactory.create(root, RunContext.system(), sink, sink), bad);
        }
        assertThat(bad).as("help lines that picocli cannot format (escape %% as %%%%), or that show null").isEmpty();
    }

    private static void checkFormats(CommandLine cl, List<String> bad) {
        var usage = cl.getCommandSpec().usageMessage();
        List<String> lines = new ArrayList<>(List.of(usage.description()));
        lines.addAll(List.of(usage.footer()));
        for (String line : lines) {
            try {
                String.format(line);
            } catch (java.util.IllegalFormatException e) {
                bad.add(cl.getCommandSpec().qualifiedName() + ": " + line);
            }
        }
        if (cl.getUsageMessage().contains("null")) {
            bad.add(cl.getCommandSpec().qualifiedName() + ": prints 'null'");
        }
        cl.getSubcommands().values().stream().distinct().forEach(sub -> checkFormats(sub, bad));
    }
}
