package dev.ailab.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.testing.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/Makefile: each target runs the CLI command the docs say, with the settings passed
 * through. The CLI is replaced by a recording stand-in, so this checks the Makefile, not the CLI.
 */
class ExampleMakefileTest {
    @TempDir
    Path tmp;

    private static Path makefile() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("examples/Makefile"))) {
            p = p.getParent();
        }
        assertThat(p).as("examples/Makefile above the working folder " + Path.of("").toAbsolutePath()).isNotNull();
        return p.resolve("examples/Makefile");
    }

    private List<String> make(String... args) throws Exception {
        Path make = RequiredTool.onPath("make");
        Path log = tmp.resolve("calls.log");
        Path fake = tmp.resolve("ai-lab");
        Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\n");
        fake.toFile().setExecutable(true);
        List<String> cmd = new ArrayList<>(List.of(make.toString(), "-s", "-f", makefile().toString(), "AI_LAB=" + fake));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        Files.deleteIfExists(log);
        return calls;
    }

    @Test
    void targetsCallTheCli() throws Exception {
        assertThat(make("status")).containsExactly("deploy status");
        assertThat(make("restart")).containsExactly("deploy restart");
        assertThat(make("restart", "AGENT=claude")).containsExactly("deploy restart claude");
        assertThat(make("logs", "AGENT=grok", "TAIL=5")).containsExactly("deploy logs grok --tail 5");
        assertThat(make("backup", "KEEP=3")).containsExactly("backup create --include-secrets", "backup prune --keep 3");
        assertThat(make("list-backups")).containsExactly("backup list");
        assertThat(make("verify-secrets")).containsExactly("secrets verify");
        assertThat(make("verify-backup", "FILE=/b/x.tar.gz")).containsExactly("backup verify /b/x.tar.gz");
        assertThat(make("restore", "FILE=/b/x.tar.gz")).containsExactly("backup restore /b/x.tar.gz --dry-run", "backup restore /b/x.tar.gz");
        assertThat(make("check", "CONFIG=/etc/ai-lab.yaml")).containsExactly(
                "--config /etc/ai-lab.yaml secrets verify", "--config /etc/ai-lab.yaml deploy status");
        assertThat(make("help")).isEmpty();
    }
}
