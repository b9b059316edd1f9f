package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class VerbosityTest {
    @TempDir
    Path home;

    private static Verbosity parse(String... args) {
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        return Verbosity.of(CommandLineFactory.create(new AiLabCommand(), RunContext.system(), sink, sink).parseArgs(args));
    }

    @Test
    void countsVerboseFlagsWhereverTheyAppear() {
        assertThat(parse("completion", "bash").level()).isZero();
        assertThat(parse("-v", "completion", "bash").level()).isEqualTo(1);
        assertThat(parse("completion", "-vv", "bash").level()).isEqualTo(2);
        assertThat(parse("-v", "completion", "-v", "bash").level()).isEqualTo(2);
    }

    @Test
    void quietWinsAndStacktraceFollowsVerbose() {
        assertThat(parse("-q", "completion", "-v").level()).isEqualTo(-1);
        assertThat(parse("completion", "-x").stacktrace()).isTrue();
        assertThat(parse("completion", "-v").stacktrace()).as("-v adds logs, not stack traces").isFalse();
        assertThat(parse("completion").stacktrace()).isFalse();
    }

    @Test
    void loggingGoesToStderrByLevelAndInfoToTheLogFile() throws Exception {
        CliHarness harness = CliHarness.aiLab(home);
        harness.run("-vv", "completion", "bash");
        LoggerContext lc = LoggingSetup.loggerContext();
        assertThat(lc.getLogger("ROOT").getLevel()).isEqualTo(Level.DEBUG);
        LoggerFactory.getLogger("test").info("hello log file");
        Path log = home.resolve(".local/state/ai-lab/toolkit.log");
        assertThat(Files.readString(log)).contains("hello log file");
        harness.run("-q", "completion", "bash");
        assertThat(lc.getLogger("ROOT").getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void aDefaultRunLogsIntoItsOwnStateFolder(@TempDir Path other) throws Exception {
        CliHarness.aiLab(home).run("-v", "completion", "bash");
        CliHarness.aiLab(other).run("completion", "bash");
        LoggerFactory.getLogger("test").warn("second run");
        assertThat(Files.readString(other.resolve(".local/state/ai-lab/toolkit.log"))).contains("second run");
        LoggerContext lc = LoggingSetup.loggerContext();
        assertThat(lc.getLogger("ROOT").getLevel()).isEqualTo(Level.INFO);
    }
}
