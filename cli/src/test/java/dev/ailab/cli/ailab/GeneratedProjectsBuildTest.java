package dev.ailab.cli.ailab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.cli.CliHarness;
import dev.ailab.core.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated projects build and pass their own tests out of the box. */
class GeneratedProjectsBuildTest {
    @TempDir
    Path home;

    record Run(int exit, String output) {
    }

    static Run exec(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, "timed out after " + timeoutSeconds + " s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** python3 on PATH that imports pytest. */
    static Path needPytest() throws IOException, InterruptedException {
        Path python = RequiredTool.onPath("pytest", "python3");
        Run probe = exec(Path.of("."), 30, python.toString(), "-c", "import pytest");
        RequiredTool.available("pytest", probe.exit() == 0, python + " -c 'import pytest' failed: " + probe.output());
        return python;
    }

    /** The repository's own Maven wrapper (the tests run in cli/). */
    static Path mvnw() {
        Path root = Path.of("").toAbsolutePath().getParent();
        return root.resolve("mvnw");
    }

    @Test
    void javaTemplateAtAdvancedBuildsAndPassesItsTestsWithMaven() throws Exception {
        CliHarness.Result r = CliHarness.aiLab(home).run("create-project", "billing-api", "--template", "java",
                "--profile", "advanced", "--defaults");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path project = home.resolve("billing-api");
        Run build = exec(project, 300, mvnw().toString(), "-o", "-q", "-B", "verify");
        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(project.resolve("target/surefire-reports/TEST-com.example.billing_api.AppTest.xml")).exists();
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.example.billing_api.AppTest.xml")))
                .contains("tests=\"2\"").contains("failures=\"0\"");
    }

    @Test
    void pythonTemplatesPassTheirTestsWithPytest() throws Exception {
        Path python = needPytest();
        for (List<String> args : List.of(
                List.of("create-project", "py-basic", "--template", "python", "--profile", "basic", "--defaults"),
                List.of("create-project", "py-adv", "--template", "python", "--profile", "advanced", "--data", "package=shop_core"),
                List.of("create-project", "crew", "--template", "agent-os", "--profile", "advanced", "--data", "agents=planner,coder"))) {
            CliHarness.Result r = CliHarness.aiLab(home).run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            Path project = home.resolve(args.get(1));
            Run test = exec(project, 120, python.toString(), "-m", "pytest", "-q", "-p", "no:cacheprovider");
            assertThat(test.exit()).as(args + "\n" + test.output()).isZero();
            assertThat(test.output()).contains("passed").doesNotContain("failed");
        }
    }

    @Test
    void monorepoMakeTestRunsItsServices() throws Exception {
        needPytest();
        Path make = RequiredTool.onPath("make");
        assertThat(CliHarness.aiLab(home).run("create-project", "platform", "--template", "monorepo", "--defaults").exitCode()).isZero();
        assertThat(CliHarness.aiLab(home).run("create-project", "auth", "--template", "python", "--dir", "platform/services",
                "--defaults").exitCode()).isZero();
        Run test = exec(home.resolve("platform"), 120, make.toString(), "test");
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("== services/auth: make test").contains("2 passed").contains("test: 1 services");
    }
}
