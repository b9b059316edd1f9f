package dev.ailab.cli.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work commands end to end, in-process, on a real SQLite file under a temporary XDG home. */
class WorkCommandsTest {
    @TempDir
    Path home;

    private CliHarness cli;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        cli = CliHarness.aiLab(home);
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result r = cli.run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private JsonNode jsonOf(String... args) throws Exception {
        return json.readTree(ok(args).out());
    }

    @Test
    void addPrintsTheIdAndTheDefaultStoreIsCreatedUnderXdgDataHome() {
        assertThat(ok("work", "add", "Fix", "the", "login", "page", "--project", "shop", "-P", "high", "-l", "bug,ui").out())
                .isEqualTo("1\n");
        assertThat(ok("work", "add", "Second").out()).isEqualTo("2\n");
        assertThat(home.resolve(".local/share/ai-lab/ai-lab.db")).exists();
        String table = ok("work", "list").out();
        assertThat(table).startsWith("ID").contains("Fix the login page").contains("bug,ui").contains("shop");
    }

    @Test
    void listFiltersSortsAndWritesJson() throws Exception {
        ok("work", "add", "alpha task", "-p", "a", "-l", "x", "-P", "low", "--due", "2026-01-10");
        ok("work", "add", "beta task", "-p", "b", "-l", "y", "-P", "urgent");
        ok("work", "add", "gamma task", "-p", "a", "-l", "x", "--assignee", "claude");
        ok("work", "done", "3");
        JsonNode all = jsonOf("work", "list", "--output", "json");
        assertThat(all).hasSize(2);
        assertThat(jsonOf("work", "list", "--all", "-o", "json")).hasSize(3);
        JsonNode byPriority = jsonOf("work", "list", "--sort", "priority", "-o", "json");
        assertThat(byPriority.get(0).get("title").asText()).isEqualTo("beta task");
        assertThat(jsonOf("work", "list", "--all", "--label", "x", "--project", "a", "-o", "json")).hasSize(2);
        assertThat(jsonOf("work", "list", "--status", "done", "-o", "json").get(0).get("assignee").asText()).isEqualTo("claude");
        assertThat(jsonOf("work", "list", "--due-before", "2026-02-01", "-o", "json")).hasSize(1);
        assertThat(jsonOf("work", "list", "-s", "BETA", "-o", "json").get(0).get("project").asText()).isEqualTo("b");
        assertThat(cli.run("work", "list", "--label", "nothing-like-this").err()).contains("no work items match");
    }

    @Test
    void tablesFitTheTerminalWidth() {
        ok("work", "add", "A very long title that goes on and on and on, far beyond what a narrow terminal can show in one line",
                "-p", "a-project-with-a-long-name", "-l", "one,two,three,four");
        cli.env("COLUMNS", "50");
        String out = ok("work", "list").out();
        assertThat(out.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
        assertThat(out).contains("…");
    }

    @Test
    void showUpdateStatusAndDelete() throws Exception {
        ok("work", "add", "parent item");
        cli.stdin("line one\nline two\n");
        ok("work", "add", "child item", "--parent", "1", "--body-file", "-", "--ref", "github:me/repo#4");
        ok("work", "start", "2");
        assertThat(ok("work", "show", "2").out()).contains("#2  child item").contains("status:    doing")
                .contains("parent:    #1").contains("line one\nline two");
        assertThat(ok("work", "show", "1").out()).contains("children:").contains("#2  [doing] child item");
        JsonNode updated = jsonOf("work", "update", "2", "--title", "renamed", "-l", "later", "--due", "2027-01-02",
                "--parent", "none", "-o", "json");
        assertThat(updated.get("title").asText()).isEqualTo("renamed");
        assertThat(updated.get("due").asText()).isEqualTo("2027-01-02");
        assertThat(updated.get("parent").isNull()).isTrue();
        ok("work", "block", "2");
        assertThat(jsonOf("work", "show", "2", "-o", "json").get("item").get("status").asText()).isEqualTo("blocked");

        CliHarness.Result refused = cli.run("work", "delete", "2");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--yes");
        cli.interactive(true).stdin("n\n");
        assertThat(cli.run("work", "delete", "2").exitCode()).isEqualTo(1);
        cli.stdin("y\n");
        assertThat(cli.run("work", "delete", "2").exitCode()).isZero();
        cli.interactive(false);
        assertThat(cli.run("work", "show", "2").exitCode()).isEqualTo(2);
        ok("work", "delete", "1", "--yes");
        assertThat(jsonOf("work", "list", "--all", "-o", "json")).isEmpty();
    }

    @Test
    void badInputIsExit2WithAClearMessageAndNoStackTrace() {
        ok("work", "add", "something");
        String[][] cases = {
            {"work", "show", "42"}, {"work", "done", "42"}, {"work", "update", "42", "--title", "x"},
            {"work", "list", "--status", "finished"}, {"work", "add", "x", "--due", "31/12/2026"},
            {"work", "add", "x", "-P", "whenever"}, {"work", "add", "x", "-l", "has space"},
            {"work", "list", "--sort", "colour"}, {"work", "show", "abc"}, {"work", "update", "1"},
            {"work", "add", "x", "--parent", "99"}, {"work", "update", "1", "--parent", "1"},
        };
        for (String[] args : cases) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("error: ").doesNotContain("\tat ");
        }
        assertThat(cli.run("work", "show", "42").err()).contains("no work item with id 42");
        assertThat(cli.run("work", "list", "--status", "finished").err()).contains("invalid status 'finished'")
                .contains("todo, doing, blocked, done");
        assertThat(cli.run("work", "add", "x", "--due", "31/12/2026").err()).contains("invalid date '31/12/2026'");
    }

    @Test
    void exportImportRoundTripInJsonAndCsv() throws Exception {
        ok("work", "add", "one, with a comma", "-p", "p1", "-l", "a,b", "--due", "2026-12-24", "--body", "say \"hi\"\nsecond line");
        ok("work", "add", "two", "--parent", "1");
        ok("work", "done", "2");
        Path jsonFile = home.resolve("out/items.json");
        Path csvFile = home.resolve("out/items.csv");
        ok("work", "export", jsonFile.toString());
        ok("work", "export", csvFile.toString());
        assertThat(json.readTree(jsonFile.toFile())).hasSize(2);
        assertThat(Files.readString(csvFile)).startsWith("id,project,title,body,status");

        CliHarness other = CliHarness.aiLab(home.resolve("other"));
        assertThat(other.run("work", "import", jsonFile.toString()).out()).isEqualTo("imported 2 work items (ids 1-2)\n");
        // The CSV export holds the same two items: skipped and reported, then imported on request.
        CliHarness.Result skipped = other.run("work", "import", csvFile.toString());
        assertThat(skipped.exitCode()).as(skipped.toString()).isZero();
        assertThat(skipped.out()).isEqualTo("imported 0 work items, skipped 2 already there\n"
                + "  skipped item 1 (\"one, with a comma\"): already work item #1\n"
                + "  skipped item 2 (\"two\"): already work item #2\n");
        assertThat(skipped.err()).contains("--allow-duplicates");
        JsonNode again = json.readTree(other.run("work", "import", jsonFile.toString(), "-o", "json").out());
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("first_id").isNull()).isTrue();
        assertThat(again.get("skipped").asInt()).isEqualTo(2);
        assertThat(again.get("skipped_items").get(1).get("existing_id").asLong()).isEqualTo(2);
        assertThat(again.get("skipped_items").get(1).get("external_ref").isNull()).isTrue();
        CliHarness.Result r = other.run("work", "import", csvFile.toString(), "--allow-duplicates");
        assertThat(r.out()).as(r.toString()).isEqualTo("imported 2 work items (ids 3-4)\n");
        CliHarness.Result listed = other.run("work", "list", "--all", "-o", "json");
        JsonNode items = json.readTree(listed.out());
        assertThat(items).hasSize(4);
        for (int i : new int[] {0, 2}) {
            JsonNode first = items.get(i);
            assertThat(first.get("title").asText()).isEqualTo("one, with a comma");
            assertThat(first.get("body").asText()).isEqualTo("say \"hi\"\nsecond line");
            assertThat(first.get("labels").toString()).isEqualTo("[\"a\",\"b\"]");
            assertThat(first.get("due").asText()).isEqualTo("2026-12-24");
            JsonNode second = items.get(i + 1);
            assertThat(second.get("status").asText()).isEqualTo("done");
            assertThat(second.get("parent").asLong()).isEqualTo(first.get("id").asLong());
        }
        // export to stdout as CSV
        String csvOut = other.run("work", "export", "-", "--format", "csv").out();
        assertThat(csvOut).startsWith("id,project,title,").contains("\r\n4,,two,,done,normal,,,,3,");
    }

    @Test
    void malformedImportsChangeNothing() throws Exception {
        ok("work", "add", "already here");
        Path bad = home.resolve("bad.json");
        Files.writeString(bad, "[\n  {\"title\": \"fine\"},\n  {\"title\": \"x\", \"status\": \"finished\"},\n  {\"titel\": \"typo\"}\n]\n");
        CliHarness.Result r = cli.run("work", "import", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json:3:").contains("item 2").contains("invalid status 'finished'")
                .contains("bad.json:4:").contains("unknown field 'titel'").contains("nothing was imported");

        Path broken = home.resolve("broken.json");
        Files.writeString(broken, "[{\"title\": \"a\"}, {\"title\": ");
        r = cli.run("work", "import", broken.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("malformed JSON");

        Path csv = home.resolve("bad.csv");
        Files.writeString(csv, "title,due\nok,2026-01-01\nnot ok,tomorrow-ish\n");
        r = cli.run("work", "import", csv.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv:3: item 2: due: invalid date 'tomorrow-ish'");

        Path header = home.resolve("header.csv");
        Files.writeString(header, "title,colour\nx,red\n");
        assertThat(cli.run("work", "import", header.toString()).err()).contains("header.csv:1:2: unknown column 'colour'");
        assertThat(cli.run("work", "import", home.resolve("missing.json").toString()).exitCode()).isEqualTo(2);
        assertThat(cli.run("work", "import", bad.toString() + ".txt").exitCode()).isEqualTo(2);

        assertThat(json.readTree(ok("work", "list", "--all", "-o", "json").out())).hasSize(1);
    }

    @Test
    void importOfManyItemsIsOneCallAndReportsTheIds() throws Exception {
        StringBuilder sb = new StringBuilder("title,priority,labels\n");
        for (int i = 0; i < 2000; i++) {
            sb.append("item ").append(i).append(",").append(i % 2 == 0 ? "high" : "low").append(",\"bulk,n").append(i % 7).append("\"\n");
        }
        Path csv = home.resolve("many.csv");
        Files.writeString(csv, sb);
        assertThat(ok("work", "import", csv.toString()).out()).isEqualTo("imported 2000 work items (ids 1-2000)\n");
        assertThat(json.readTree(ok("work", "list", "--label", "n3", "-o", "json").out())).hasSize(286);
    }

    @Test
    void storeUrlComesFromTheEnvironmentOrTheConfigFile() throws Exception {
        Path elsewhere = home.resolve("elsewhere/hub.db");
        cli.env("AI_LAB_DB_URL", "jdbc:sqlite:" + elsewhere);
        ok("work", "add", "in the env store");
        assertThat(elsewhere).exists();
        cli.env().remove("AI_LAB_DB_URL");
        Path fromConfig = home.resolve("cfgstore/hub.db");
        Files.createDirectories(home.resolve(".config/ai-lab"));
        Files.writeString(home.resolve(".config/ai-lab/config.yaml"), "store:\n  url: jdbc:sqlite:" + fromConfig + "\n");
        ok("work", "add", "in the config store");
        assertThat(fromConfig).exists();
        cli.env("AI_LAB_DB_URL", "mysql://nope");
        CliHarness.Result r = cli.run("work", "list");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("AI_LAB_DB_URL").contains("mysql://nope").contains("hint: ");
    }
}
