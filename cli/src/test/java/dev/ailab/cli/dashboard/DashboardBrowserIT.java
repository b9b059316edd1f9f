package dev.ailab.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.core.testing.RequiredTool;
import dev.ailab.hub.NewWorkItem;
import dev.ailab.hub.Priority;
import dev.ailab.hub.Projects;
import dev.ailab.hub.Sessions;
import dev.ailab.hub.StoreFactory;
import dev.ailab.hub.StoreSettings;
import dev.ailab.hub.WorkItems;
import dev.ailab.hub.WorkStatus;
import dev.ailab.hub.dashboard.DashboardQueries;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven through its chromedriver by
 * Selenium (Selenium Manager is never asked: both programs are given, so nothing is downloaded),
 * on a store the test fills, with the CLI run through the shipped launcher as another process.
 * One browser session serves every check; each check saves a screenshot under
 * {@code target/dashboard-screenshots/}. {@link DashboardBrowserPostgresIT} runs the same checks
 * on PostgreSQL, where the live path is LISTEN/NOTIFY.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "ai-lab").toAbsolutePath().normalize();
    private static final Path SHOTS = Path.of("target", "dashboard-screenshots").toAbsolutePath();
    static final String XSS = "<img src=x onerror=alert(1)>";
    private static final ObjectMapper JSON = new ObjectMapper();

    Path home;
    StoreSettings settings;
    StoreFactory store;
    DashboardServer server;
    WebDriver driver;
    String base;
    /** Console errors of every check but those that provoke one on purpose. */
    final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
    final List<Long> latencies = new ArrayList<>();

    /** The store of this run; the PostgreSQL subclass gives a schema of its own. */
    StoreSettings storeSettings() throws Exception {
        return StoreSettings.of("jdbc:sqlite:" + home.resolve("data/ai-lab/ai-lab.db"));
    }

    String label() {
        return "sqlite";
    }

    void dropStore() throws Exception {
        // the temporary folder goes with the test
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        home = dir;
        Path chromium = RequiredTool.onPath("chromium");
        Path chromedriver = RequiredTool.onPath("chromium", "chromedriver");
        settings = storeSettings();
        store = StoreFactory.open(settings);
        fill();
        server = new DashboardServer(new DashboardQueries(store), new DashboardServer.Options("127.0.0.1", 0, true, null),
                Clock.systemDefaultZone());
        server.start();
        base = "http://127.0.0.1:" + server.port();
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--window-size=1400,1000", "--user-data-dir=" + Files.createDirectories(home.resolve("chromium")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        cli("--version"); // the first launcher run trains its class-data archive: not part of any timing
    }

    void fill() throws Exception {
        Path folder = Files.createDirectories(home.resolve("code/shop"));
        Files.writeString(folder.resolve("README.md"), "# shop\n");
        new Projects(store).register(folder, "shop");
        WorkItems items = new WorkItems(store);
        long xss = items.add(new NewWorkItem(XSS, XSS + "\n\nsome **bold** text", "shop", null, Priority.urgent, List.of("bug"),
                null, LocalDate.now().plusDays(1), null, null, null, null));
        items.add(new NewWorkItem("write the docs", null, "shop", WorkStatus.doing, null, List.of("docs"), "claude", null, null, null, null, null));
        items.add(new NewWorkItem("blocked on review", null, "web", WorkStatus.blocked, Priority.high, List.of(), null,
                LocalDate.now().minusDays(2), null, null, null, null));
        items.add(new NewWorkItem("shipped", null, "web", WorkStatus.done, Priority.low, List.of(), null, null, null, null, null, null));
        items.add(new NewWorkItem("no project", null, null, null, null, List.of("bug"), null, null, null, null, null, null));
        long s = new Sessions(store).start("claude", "opus", "shop", List.of(xss));
        new Sessions(store).end(s, "looked at it", 12000L, 3400L, 0.41, List.of());
    }

    @AfterEach
    void screenshotAndConsole(TestInfo info) throws IOException {
        String name = info.getTestMethod().orElseThrow().getName();
        Path shot = SHOTS.resolve(label() + "-" + name + ".png");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !name.startsWith("provokes")) {
                consoleErrors.add(name + ": " + e.getMessage());
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (!latencies.isEmpty()) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            String line = label() + " live add latency over " + sorted.size() + " adds (ms): p50 " + percentile(sorted, 50) + ", p95 "
                    + percentile(sorted, 95) + ", max " + sorted.get(sorted.size() - 1) + "; all " + latencies + "\n";
            Files.writeString(SHOTS.resolve(label() + "-latency.txt"), line);
            System.err.print(line);
        }
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
        dropStore();
    }

    static long percentile(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i));
    }

    // ------------------------------------------------------------------ helpers

    /** Runs the shipped launcher on this store as another process; returns its stdout. */
    String cli(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "cli-", ".out");
        Path err = Files.createTempFile(home, "cli-", ".err");
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(args)).toList())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("AI_LAB_DB_URL", settings.url());
        if (settings.user() != null) {
            env.put("AI_LAB_DB_USER", settings.user());
        }
        if (settings.password() != null) {
            env.put("AI_LAB_DB_PASSWORD", settings.password());
        }
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ai-lab " + String.join(" ", args) + " did not end");
        }
        String stdout = Files.readString(out);
        assertThat(p.exitValue()).as("ai-lab " + String.join(" ", args) + "\n" + Files.readString(err)).isZero();
        return stdout;
    }

    JsonNode cliItems() throws Exception {
        return JSON.readTree(cli("work", "list", "--all", "-o", "json"));
    }

    Map<String, Integer> countByStatus(JsonNode items) {
        Map<String, Integer> counts = new HashMap<>(Map.of("todo", 0, "doing", 0, "blocked", 0, "done", 0));
        items.forEach(i -> counts.merge(i.get("status").asText(), 1, Integer::sum));
        return counts;
    }

    WebDriverWait waiting(long seconds) {
        // A live change redraws the columns: an element found a moment ago may be gone; look again.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    void open(String path) {
        driver.get(base + path);
        waitForStream();
    }

    void waitForStream() {
        waiting(10).until(d -> d.findElement(By.id("connection")).getText().startsWith("live"));
    }

    String count(String status) {
        return driver.findElement(By.cssSelector("[data-count='" + status + "']")).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    // ------------------------------------------------------------------ checks

    @Test
    @Order(1)
    void theOverviewCountsEqualTheCli() throws Exception {
        open("/");
        waiting(10).until(d -> !d.findElements(By.cssSelector(".totals [data-count='todo']")).isEmpty());
        Map<String, Integer> expected = countByStatus(cliItems());
        for (String s : List.of("todo", "doing", "blocked", "done")) {
            assertThat(count(s)).as(s).isEqualTo(String.valueOf(expected.get(s)));
        }
        assertThat(driver.findElement(By.id("overdue")).getText()).contains("blocked on review");
        assertThat(driver.findElement(By.id("due-soon")).getText()).contains(XSS);
        assertThat(driver.getPageSource()).contains("claude");
    }

    @Test
    @Order(2)
    void theBoardShowsEachItemInItsColumn() throws Exception {
        open("/board");
        waiting(10).until(d -> !d.findElements(By.cssSelector("#board .card")).isEmpty());
        JsonNode items = cliItems();
        for (JsonNode i : items) {
            List<WebElement> cards = driver.findElements(By.cssSelector("section[data-status='" + i.get("status").asText()
                    + "'] .card[data-id='" + i.get("id").asText() + "']"));
            assertThat(cards).as("item " + i.get("id") + " in column " + i.get("status")).hasSize(1);
        }
        assertThat(driver.findElements(By.cssSelector("#board .card"))).hasSize(items.size());
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(label() + "-board.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(3)
    void aFilterNarrowsTheBoardAndSurvivesAReloadThroughTheAddress() throws Exception {
        open("/board");
        waiting(10).until(d -> !d.findElements(By.cssSelector("#board .card")).isEmpty());
        WebElement project = driver.findElement(By.cssSelector("#filters input[name='project']"));
        project.sendKeys("shop");
        driver.findElement(By.cssSelector("#filters button[type='submit']")).click();
        waiting(10).until(d -> d.getCurrentUrl().contains("project=shop"));
        long shop = 0;
        for (JsonNode i : cliItems()) {
            shop += "shop".equals(i.path("project").asText(null)) ? 1 : 0;
        }
        long expected = shop;
        waiting(10).until(d -> d.findElements(By.cssSelector("#board .card")).size() == expected);
        driver.navigate().refresh();
        waitForStream();
        waiting(10).until(d -> d.findElements(By.cssSelector("#board .card")).size() == expected);
        assertThat(driver.findElement(By.cssSelector("#filters input[name='project']")).getAttribute("value")).isEqualTo("shop");
        assertThat(driver.findElement(By.id("board")).getText()).doesNotContain("blocked on review");
        driver.navigate().back();
        waiting(10).until(d -> !d.getCurrentUrl().contains("project=shop"));
    }

    @Test
    @Order(4)
    void markupFromTheStoreIsShownAsText() throws Exception {
        open("/board");
        waiting(10).until(d -> !d.findElements(By.cssSelector("#board .card")).isEmpty());
        assertThat(driver.findElement(By.id("board")).getText()).contains(XSS);
        assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
        driver.findElement(By.linkText("#1 " + XSS)).click();
        waiting(10).until(d -> d.findElement(By.id("item-title")).getText().equals("#1 " + XSS));
        WebElement body = driver.findElement(By.id("item-body"));
        assertThat(body.getText()).contains(XSS).contains("some bold text");
        assertThat(body.findElements(By.tagName("strong"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(driver.getCurrentUrl()).endsWith("/item?id=1");
    }

    @Test
    @Order(5)
    void anItemAddedByTheCliInAnotherProcessAppearsWithoutAReload() throws Exception {
        open("/board");
        waiting(10).until(d -> !d.findElements(By.cssSelector("#board .card")).isEmpty());
        // Marks the page (a reload would lose it) and notes when each card first shows up.
        js("window.__noReload = true; window.__seen = {};"
                + "new MutationObserver(function () { document.querySelectorAll('#board .card').forEach(function (c) {"
                + "  var id = c.getAttribute('data-id'); if (!(id in window.__seen)) { window.__seen[id] = Date.now(); } }); })"
                + ".observe(document.getElementById('view'), { childList: true, subtree: true });");
        for (int n = 1; n <= 20; n++) {
            String id = cli("work", "add", "live " + n, "-p", "live").strip();
            long exited = System.currentTimeMillis();
            waiting(5).until(d -> js("return window.__seen['" + id + "'] || null;") != null);
            long seen = ((Number) js("return window.__seen['" + id + "'];")).longValue();
            latencies.add(Math.max(0, seen - exited));
        }
        assertThat(js("return window.__noReload === true;")).isEqualTo(true);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        assertThat(percentile(sorted, 50)).as("p50 of " + latencies).isLessThan(500);
        assertThat(percentile(sorted, 95)).as("p95 of " + latencies).isLessThan(500);
        assertThat(count("todo")).isEqualTo(String.valueOf(countByStatus(cliItems()).get("todo")));
    }

    @Test
    @Order(6)
    void movingACardChangesWhatTheCliReports() throws Exception {
        open("/board");
        WebElement card = waiting(10).until(d -> d.findElement(By.cssSelector("section[data-status='todo'] .card[data-id='5']")));
        new Select(card.findElement(By.cssSelector("select.move"))).selectByValue("doing");
        waiting(10).until(d -> !d.findElements(By.cssSelector("section[data-status='doing'] .card[data-id='5']")).isEmpty());
        assertThat(JSON.readTree(cli("work", "show", "5", "-o", "json")).get("item").get("status").asText()).isEqualTo("doing");
        // And a change by the CLI moves the card back on the page.
        cli("work", "block", "5");
        waiting(5).until(d -> !d.findElements(By.cssSelector("section[data-status='blocked'] .card[data-id='5']")).isEmpty());
    }

    @Test
    @Order(7)
    void theAddFormsMakeAnItemAndAnIdeaThatTheCliReports() throws Exception {
        open("/board");
        WebElement form = waiting(10).until(d -> d.findElement(By.id("add-item")));
        form.findElement(By.name("title")).sendKeys("added in the browser");
        form.findElement(By.name("project")).sendKeys("shop");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        WebElement card = waiting(10).until(d -> d.findElements(By.cssSelector("section[data-status='todo'] .card")).stream()
                .filter(c -> c.getText().contains("added in the browser")).findFirst().orElse(null));
        String id = card.getAttribute("data-id");
        JsonNode item = JSON.readTree(cli("work", "show", id, "-o", "json")).get("item");
        assertThat(item.get("title").asText()).isEqualTo("added in the browser");
        assertThat(item.get("project").asText()).isEqualTo("shop");
        assertThat(item.get("status").asText()).isEqualTo("todo");
        assertThat(driver.findElement(By.cssSelector("#add-item input[name='title']")).getAttribute("value")).as("the form is emptied").isEmpty();

        WebElement idea = driver.findElement(By.id("add-idea"));
        idea.findElement(By.name("title")).sendKeys("an idea from the board");
        idea.findElement(By.cssSelector("button[type='submit']")).click();
        waiting(10).until(d -> d.findElement(By.id("notice")).getText().equals("idea added"));
        List<String> titles = new ArrayList<>();
        JSON.readTree(cli("idea", "list", "-o", "json")).forEach(i -> titles.add(i.get("title").asText()));
        assertThat(titles).contains("an idea from the board");
    }

    /**
     * A real drag: Selenium's pointer actions, from which headless Chromium (156 here) starts a
     * native HTML5 drag and drop, so the page's own dragstart/drop handlers and the browser's
     * DataTransfer carry the card. Then the keyboard path: the card's move list takes a typed letter.
     */
    @Test
    @Order(8)
    void draggingACardToAnotherColumnChangesWhatTheCliReports() throws Exception {
        open("/board");
        String id = "2"; // "write the docs", doing
        By inDone = By.cssSelector("section[data-status='done'] .card[data-id='" + id + "']");
        WebElement card = waiting(10).until(d -> d.findElement(By.cssSelector("section[data-status='doing'] .card[data-id='" + id + "']")));
        WebElement done = driver.findElement(By.cssSelector("section[data-status='done']"));
        new org.openqa.selenium.interactions.Actions(driver).dragAndDrop(card, done).perform();
        waiting(10).until(d -> !d.findElements(inDone).isEmpty());
        assertThat(JSON.readTree(cli("work", "show", id, "-o", "json")).get("item").get("status").asText()).isEqualTo("done");

        WebElement move = driver.findElement(By.cssSelector(".card[data-id='" + id + "'] select.move"));
        move.sendKeys("b"); // the keyboard picks "blocked"
        waiting(10).until(d -> !d.findElements(By.cssSelector("section[data-status='blocked'] .card[data-id='" + id + "']")).isEmpty());
        assertThat(JSON.readTree(cli("work", "show", id, "-o", "json")).get("item").get("status").asText()).isEqualTo("blocked");
    }

    /**
     * The page opens its stream and loads its data at the same time. Here the board's answer is
     * held in the browser (the server answered before the change) while the CLI adds an item and
     * its change event arrives; when the answer is let go, the new card must still show, with no
     * further change to carry it.
     */
    @Test
    @Order(9)
    void aChangeWhileThePageLoadsIsNotLost() throws Exception {
        String hold = "(function () {"
                + "  var realFetch = window.fetch, held = [];"
                + "  window.__hold = true; window.__changes = 0;"
                + "  window.__held = function () { return held.length; };"
                + "  window.__release = function () { window.__hold = false; held.splice(0).forEach(function (f) { f(); }); };"
                + "  window.fetch = function (url, options) {"
                + "    var p = realFetch(url, options);"
                + "    if (!window.__hold || String(url).indexOf('/api/items') !== 0) { return p; }"
                + "    return p.then(function (r) { return new Promise(function (resolve) { held.push(function () { resolve(r); }); }); });"
                + "  };"
                + "  var RealSource = window.EventSource;"
                + "  window.EventSource = function (u) { var s = new RealSource(u); s.addEventListener('change', function () { window.__changes++; }); return s; };"
                + "  window.EventSource.prototype = RealSource.prototype;"
                + "})();";
        ChromeDriver chrome = (ChromeDriver) driver;
        Object script = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", hold)).get("identifier");
        try {
            driver.get(base + "/board");
            waiting(10).until(d -> ((Number) js("return window.__held ? window.__held() : 0;")).intValue() >= 1);
            String id = cli("work", "add", "added while the page loaded", "-p", "shop").strip();
            waiting(10).until(d -> ((Number) js("return window.__changes;")).intValue() >= 1);
            js("window.__release();");
            waiting(5).until(d -> !d.findElements(By.cssSelector("section[data-status='todo'] .card[data-id='" + id + "']")).isEmpty());
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
        }
    }

    @Test
    @Order(17)
    void provokesARefusalWhenAWriteCarriesNoToken() throws Exception {
        open("/board");
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/api/items/4/status', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({status: 'todo'})}).then(function (r) { done(r.status); });");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(JSON.readTree(cli("work", "show", "4", "-o", "json")).get("item").get("status").asText()).isEqualTo("done");
    }

    @Test
    @Order(18)
    void theExportedFileOpensFromFileWithTheSameNumbers() throws Exception {
        Path file = home.resolve("export/dashboard.html");
        Files.createDirectories(file.getParent());
        cli("dashboard", "export", "--file", file.toString());
        driver.get(file.toUri().toString());
        waiting(10).until(d -> !d.findElements(By.cssSelector(".totals [data-count='todo']")).isEmpty());
        Map<String, Integer> expected = countByStatus(cliItems());
        for (String s : List.of("todo", "doing", "blocked", "done")) {
            assertThat(count(s)).as(s).isEqualTo(String.valueOf(expected.get(s)));
        }
        driver.findElement(By.cssSelector("nav a[data-view='board']")).click();
        int all = cliItems().size();
        waiting(10).until(d -> d.findElements(By.cssSelector("#board .card")).size() == all);
        assertThat(driver.findElement(By.id("board")).getText()).contains(XSS);
        assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
        driver.findElement(By.cssSelector("nav a[data-view='sessions']")).click();
        waiting(10).until(d -> !d.findElements(By.cssSelector("#chart-cost canvas")).isEmpty());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("src=\"http").doesNotContain("href=\"http");
    }

    @Test
    @Order(19)
    void theSessionsAndProjectsViewsDrawFromTheStore() {
        open("/sessions");
        waiting(10).until(d -> !d.findElements(By.cssSelector("#chart-tokens canvas")).isEmpty());
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("claude / opus").contains("12000");
        open("/projects");
        waiting(10).until(d -> d.findElement(By.tagName("main")).getText().contains("shop"));
    }

    @Test
    @Order(20)
    void theBrowserConsoleHasNoErrors() {
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    @Order(21)
    void provokesAServerStopThatThePageReportsAndRecoversFrom() throws Exception {
        open("/board");
        int port = server.port();
        server.close();
        waiting(10).until(d -> d.findElement(By.id("banner")).isDisplayed()
                && d.findElement(By.id("banner")).getText().contains("stopped"));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(label() + "-stopped.png"),
                StandardCopyOption.REPLACE_EXISTING);
        server = new DashboardServer(new DashboardQueries(store), new DashboardServer.Options("127.0.0.1", port, true, null),
                Clock.systemDefaultZone());
        server.start();
        waiting(15).until(d -> !d.findElement(By.id("banner")).isDisplayed());
        waitForStream();
    }
}
