package dev.ailab.cli.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import dev.ailab.core.testing.RequiredTool;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions, ideas, projects and db commands end to end on real SQLite files (and the real age tool). */
class HubCommandsTest {
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

    private Path db() {
        return home.resolve(".local/share/ai-lab/ai-lab.db");
    }

    @Test
    void sessionsAreQuietAndScriptable() throws Exception {
        ok("work", "add", "the task");
        CliHarness.Result started = ok("session", "start", "--agent", "claude", "--model", "opus", "--project", "shop", "--work", "1");
        assertThat(started.out()).isEqualTo("1\n");
        assertThat(started.err()).isEmpty();
        CliHarness.Result logged = ok("session", "log", "1", "read", "the", "code");
        assertThat(logged.out()).isEmpty();
        assertThat(logged.err()).isEmpty();
        cli.stdin("from standard input\n");
        ok("session", "log", "1");
        ok("session", "end", "1", "--summary", "fixed it", "--tokens-in", "1200", "--tokens-out", "300", "--cost", "0.25");
        JsonNode shown = json.readTree(ok("session", "show", "1", "-o", "json").out());
        assertThat(shown.get("session").get("tokens_in").asLong()).isEqualTo(1200);
        assertThat(shown.get("session").get("work_items").toString()).isEqualTo("[1]");
        assertThat(shown.get("log").get(1).get("message").asText()).isEqualTo("from standard input");
        assertThat(ok("session", "show", "1").out()).contains("session #1  claude (opus)").contains("read the code");
        assertThat(ok("session", "list").out()).contains("claude").contains("fixed it").contains("1200/300");
        assertThat(json.readTree(ok("session", "list", "--open", "-o", "json").out())).isEmpty();
        assertThat(cli.run("session", "end", "1").exitCode()).isEqualTo(2);
        assertThat(cli.run("session", "log", "99", "x").err()).contains("no session with id 99");
        assertThat(cli.run("session", "start").exitCode()).isEqualTo(2);
        assertThat(cli.run("session", "end", "1", "--tokens-in", "lots").exitCode()).isEqualTo(2);
    }

    @Test
    void ideasPromoteToWorkItems() throws Exception {
        assertThat(ok("idea", "add", "Use", "FTS5", "--tag", "search", "--body", "maybe").out()).isEqualTo("1\n");
        assertThat(ok("idea", "list").out()).contains("Use FTS5").contains("search");
        String item = ok("idea", "promote", "1", "--project", "hub").out().trim();
        assertThat(ok("work", "show", item).out()).contains("Use FTS5").contains("idea:      #1").contains("labels:    search");
        assertThat(ok("idea", "show", "1").out()).contains("promoted:  work item #" + item);
        assertThat(ok("idea", "list").err()).contains("no ideas match");
        assertThat(json.readTree(ok("idea", "list", "--all", "-o", "json").out())).hasSize(1);
        assertThat(cli.run("idea", "promote", "1").err()).contains("already promoted");
        assertThat(cli.run("idea", "show", "5").exitCode()).isEqualTo(2);
    }

    @Test
    void projectsRegisterListSyncAndArchiveWithAVerifiedPack() throws Exception {
        Path tarTool = RequiredTool.onPath("tar");
        Path shop = home.resolve("code/shop");
        Files.createDirectories(shop.resolve(".ai-lab"));
        Files.writeString(shop.resolve(".ai-lab/config.yaml"), "project_name: web-shop\nprofile: standard\n");
        Files.writeString(shop.resolve("README.md"), "# shop\n");
        Path blog = home.resolve("code/blog");
        Files.createDirectories(blog);
        cli.workingDir(home.resolve("code"));
        assertThat(ok("project", "register", "shop").out()).contains("web-shop").contains("standard");
        ok("project", "register", "blog");
        ok("work", "add", "open thing", "-p", "web-shop");
        JsonNode list = json.readTree(ok("project", "list", "-o", "json").out());
        assertThat(list).hasSize(2);
        assertThat(list.get(1).get("name").asText()).isEqualTo("web-shop");
        assertThat(list.get(1).get("open_items").asLong()).isEqualTo(1);

        Files.delete(blog);
        CliHarness.Result sync = cli.run("project", "sync", "--all");
        assertThat(sync.exitCode()).isEqualTo(1);
        assertThat(sync.out()).contains("MISSING  blog").contains("ok       web-shop");
        assertThat(cli.run("project", "sync").exitCode()).isEqualTo(2);

        Path pack = home.resolve("archive/shop.tar.gz");
        ok("project", "archive", "web-shop", "--file", pack.toString());
        assertThat(pack).exists();
        Process tar = new ProcessBuilder(tarTool.toString(), "-tzf", pack.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes());
        assertThat(tar.waitFor()).isZero();
        assertThat(listing).contains("shop/README.md").contains("shop/.ai-lab/config.yaml").doesNotContain("tar:");
        assertThat(json.readTree(ok("project", "list", "-o", "json").out())).hasSize(1);
        assertThat(ok("project", "list", "--all").out()).contains("archived");
        assertThat(cli.run("project", "archive", "nope").exitCode()).isEqualTo(2);
        assertThat(cli.run("project", "archive", "blog", "--file", blog.resolve("inside.tgz").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void dbMigrateInfoBackupAndRestore() throws Exception {
        ok("work", "add", "before backup");
        assertThat(ok("db", "migrate").err()).contains("up to date at version");
        JsonNode info = json.readTree(ok("db", "info", "--check", "-o", "json").out());
        assertThat(info.get("schema_version").asText()).isEqualTo(dev.ailab.hub.Migrations.latest());
        assertThat(info.get("rows").get("work_item").asLong()).isEqualTo(1);
        assertThat(info.get("integrity").toString()).isEqualTo("[\"ok\"]");
        assertThat(ok("db", "info").out()).contains("database:").contains("work_item").contains("pending:   none");

        String backup = ok("db", "backup").out().trim();
        assertThat(backup).contains("/backups/ai-lab-").endsWith(".db.gz");
        assertThat(Path.of(backup + ".sha256")).exists();
        ok("work", "add", "after backup");
        CliHarness.Result restored = ok("db", "restore", backup);
        assertThat(restored.err()).contains("checksum verified").contains("previous database is kept at");
        assertThat(json.readTree(ok("work", "list", "-o", "json").out())).hasSize(1);
        try (var files = Files.list(db().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("ai-lab.db.before-restore-"));
        }
        assertThat(cli.run("db", "restore", home.resolve("nope.db.gz").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void encryptedBackupsInteroperateWithTheAgeTool() throws Exception {
        Path age = RequiredTool.onPath("age");
        Path ageKeygen = RequiredTool.onPath("age", "age-keygen");
        Path key = home.resolve("key.txt");
        Process keygen = new ProcessBuilder(ageKeygen.toString(), "-o", key.toString()).redirectErrorStream(true).start();
        String keygenOut = new String(keygen.getInputStream().readAllBytes());
        assertThat(keygen.waitFor()).isZero();
        String recipient = keygenOut.lines().filter(l -> l.contains("age1")).map(l -> l.substring(l.indexOf("age1")).trim())
                .findFirst().orElseThrow();
        ok("work", "add", "secret work");
        Path out = home.resolve("hub.db.gz.age");
        ok("db", "backup", "--file", out.toString(), "--encrypt-to", recipient);
        assertThat(new String(Files.readAllBytes(out), 0, 21)).isEqualTo("age-encryption.org/v1");
        Path plain = home.resolve("plain.db.gz");
        Process dec = new ProcessBuilder(age.toString(), "-d", "-i", key.toString(), "-o", plain.toString(), out.toString())
                .redirectErrorStream(true).start();
        assertThat(dec.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dec.exitValue()).as(new String(dec.getInputStream().readAllBytes())).isZero();
        assertThat(Files.readAllBytes(plain)[0]).isEqualTo((byte) 0x1f);

        ok("work", "add", "later");
        assertThat(cli.run("db", "restore", out.toString()).err()).contains("--identity");
        ok("db", "restore", out.toString(), "--identity", key.toString());
        assertThat(json.readTree(ok("work", "list", "-o", "json").out())).hasSize(1);
        assertThat(cli.run("db", "backup", "--encrypt-to", "age1notakey").exitCode()).isEqualTo(2);
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        ok("work", "add", "x");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db()); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', 'V99__f.sql', 1, 'x', 1, 1)");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        String before = sha(db());
        for (String[] args : List.of(new String[] {"work", "list"}, new String[] {"work", "add", "y"}, new String[] {"db", "migrate"})) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("newer than this ai-lab knows").contains("nothing was changed").contains("hint: upgrade ai-lab");
        }
        assertThat(sha(db())).isEqualTo(before);
        assertThat(ok("db", "info").out()).contains("made by a newer ai-lab");
    }

    @Test
    void aCorruptDatabaseIsReportedWithTheRestoreCommand() throws Exception {
        for (int i = 0; i < 40; i++) {
            ok("work", "add", "item " + i + " " + "padding ".repeat(40));
        }
        String backup = ok("db", "backup").out().trim();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db()); var st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        try (RandomAccessFile f = new RandomAccessFile(db().toFile(), "rw")) {
            for (long pos = 4096 * 2; pos < f.length(); pos += 4096) {
                f.seek(pos + 8);
                byte[] junk = new byte[200];
                Arrays.fill(junk, (byte) 0x5a);
                f.write(junk);
            }
        }
        CliHarness.Result r = cli.run("db", "info", "--check");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("damaged").contains("hint: restore the newest backup: ai-lab db restore " + backup);
        Files.writeString(db(), "garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage");
        Files.deleteIfExists(Path.of(db() + "-wal"));
        Files.deleteIfExists(Path.of(db() + "-shm"));
        r = cli.run("work", "list");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("damaged or not a database").contains("ai-lab db restore " + backup);
        ok("db", "restore", backup);
        assertThat(json.readTree(ok("work", "list", "-o", "json").out())).hasSize(40);
    }

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
