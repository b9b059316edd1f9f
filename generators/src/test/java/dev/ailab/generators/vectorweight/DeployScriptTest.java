package dev.ailab.generators.vectorweight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy.sh is strict bash and clean under shellcheck (required when CI_REQUIRE names shellcheck). */
class DeployScriptTest {
    @TempDir
    Path home;

    private static boolean required() {
        String ci = System.getenv("CI_REQUIRE");
        return ci != null && Arrays.asList(ci.split(",")).contains("shellcheck");
    }

    private static boolean installed() {
        try {
            Process p = new ProcessBuilder("shellcheck", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

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
        boolean have = installed();
        if (required()) {
            assertThat(have).as("CI_REQUIRE names shellcheck but it is not installed").isTrue();
        }
        Assumptions.assumeTrue(have, "shellcheck not installed");
        for (String template : new String[] {"minimal", "production_full"}) {
            Path dir = home.resolve(template);
            new Vectorweight(Fixtures.loader(home)).generate(Fixtures.template(home, template), dir, home, false);
            Process p = new ProcessBuilder("shellcheck", "--severity=style", "deploy.sh").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
        }
    }
}
