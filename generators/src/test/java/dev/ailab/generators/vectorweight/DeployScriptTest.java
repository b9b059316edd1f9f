package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy.sh is strict bash and clean under shellcheck (required when CI_REQUIRE names shellcheck). */
class DeployScriptTest {
    @TempDir
    Path home;

    @Test
    void deployScriptIsStrictAndIdempotentByConstruction() {
        String script = new String(new VectorweightGenerator().generate(Fixtures.config(home, "production")).files()
                .get("deploy.sh"), StandardCharsets.UTF_8);
        assertThat(script).startsWith("#!/usr/bin/env bash\n").contains("set -euo pipefail")
                .contains("helm upgrade --install").contains("apply").doesNotContain("kubectl create -f")
                .contains("HUB_CLUSTER=\"ai-cluster\"");
    }

    @Test
    void shellcheckFindsNothing() throws IOException, InterruptedException {
        Path shellcheck = RequiredTool.onPath("shellcheck");
        for (String template : new String[] {"minimal", "production_full"}) {
            Path dir = home.resolve(template);
            new Vectorweight(Fixtures.loader(home)).generate(Fixtures.template(home, template), dir, home, false);
            Process p = new ProcessBuilder(shellcheck.toString(), "--severity=style", "deploy.sh").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
        }
    }

    @Test
    void dryRunAppliesProjectAndRootWithoutInstalling() throws IOException, InterruptedException {
        Path dir = home.resolve("repo");
        new Vectorweight(Fixtures.loader(home)).generate(Fixtures.template(home, "production"), dir, home, false);
        // stand-ins for kubectl and helm that log their arguments
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path log = home.resolve("calls.log");
        for (String tool : new String[] {"kubectl", "helm"}) {
            Path f = bin.resolve(tool);
            Files.writeString(f, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + log + "'\ncat >/dev/null\n");
            f.toFile().setExecutable(true);
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "deploy.sh", "--context", "lab", "--dry-run").directory(dir.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        String calls = Files.readString(log);
        assertThat(calls).doesNotContain("helm upgrade")
                .contains("kubectl --context lab apply --dry-run=client -f " + dir.resolve("argocd/project.yaml"))
                .contains("kubectl --context lab apply --dry-run=client -f " + dir.resolve("argocd/root.yaml"));
        assertThat(calls.indexOf("project.yaml")).isLessThan(calls.indexOf("root.yaml"));
        Process bad = new ProcessBuilder("bash", "deploy.sh", "--frobnicate").directory(dir.toFile()).redirectErrorStream(true).start();
        bad.getInputStream().readAllBytes();
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
    }
}
