package dev.ailab.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.core.testing.RequiredTool;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the README promises a newcomer: {@code make demo}, then the dashboard shows the demo's
 * project and item. The Makefile's own demo target runs in a temporary home (its DEMO folder and
 * the XDG folders it sets), with {@code make -o build} so that it uses the jars this build made
 * instead of running Maven again; then {@code ai-lab dashboard serve} runs with the environment
 * {@code make dashboard} gives it (on a free port, and without a desktop to open), and headless
 * Chromium looks at the board.
 */
class DashboardDemoIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void makeDemoThenTheDashboardShowsTheDemosProjectAndItem() throws Exception {
        Path make = RequiredTool.onPath("make");
        Path chromium = RequiredTool.onPath("chromium");
        Path chromedriver = RequiredTool.onPath("chromium", "chromedriver");
        Path demo = home.resolve("build-demo");
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CACHE_HOME", home.resolve("cache").toString(),
                "XDG_CONFIG_HOME", demo.resolve("config").toString(), "XDG_DATA_HOME", demo.resolve("data").toString(),
                "XDG_STATE_HOME", demo.resolve("state").toString());
        ProcessBuilder makeDemo = new ProcessBuilder(make.toString(), "-o", "build", "demo", "DEMO=" + demo)
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(home.resolve("make.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        makeDemo.environment().putAll(env);
        Process p = makeDemo.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("make demo ends").isTrue();
        String log = Files.readString(home.resolve("make.log"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).as("the demo used the built jars").doesNotContain("mvnw");
        assertThat(demo.resolve("data/ai-lab/ai-lab.db")).isRegularFile();
        Files.copy(home.resolve("make.log"), Files.createDirectories(Path.of("target", "dashboard-screenshots")).resolve("demo-make.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        ProcessBuilder serve = new ProcessBuilder(ROOT.resolve("bin/ai-lab").toString(), "dashboard", "serve", "--port", "0")
                .directory(ROOT.toFile()).redirectError(home.resolve("serve.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        serve.environment().putAll(env);
        Process server = serve.start();
        WebDriver driver = null;
        try {
            String url;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                url = out.readLine();
                assertThat(url).as(Files.readString(home.resolve("serve.err"))).startsWith("http://127.0.0.1:");
                ChromeOptions options = new ChromeOptions();
                options.setBinary(chromium.toFile());
                options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--disable-default-apps", "--window-size=1400,1000", "--user-data-dir=" + Files.createDirectories(home.resolve("chromium")));
                ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                        .usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
                driver = new ChromeDriver(service, options);
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
                driver.get(url);
                wait.until(d -> d.findElement(By.tagName("main")).getText().contains("demo-service"));
                driver.get(url + "board?project=demo-service");
                wait.until(d -> d.findElements(By.cssSelector("section[data-status='todo'] .card")).stream()
                        .anyMatch(c -> c.getText().contains("Write the first feature")));
                driver.get(url + "projects");
                wait.until(d -> d.findElement(By.tagName("main")).getText().contains("demo-service"));
                Path shots = Files.createDirectories(Path.of("target", "dashboard-screenshots"));
                Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("demo-projects.png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                assertThat(List.of(driver.findElement(By.tagName("main")).getText().split("\n")))
                        .as("the project with its one open item").anyMatch(line -> line.startsWith("demo-service 1 "));
            }
        } finally {
            if (driver != null) {
                driver.quit();
            }
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
