package dev.ailab.cli.ailab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import dev.ailab.core.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ai-lab service add | remove | list} on real monorepos made by create-project. */
class ServiceCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    CliHarness.Result lab(String... args) {
        return CliHarness.aiLab(home).run(args);
    }

    Path monorepo(String profile) {
        CliHarness.Result r = lab("create-project", "platform", "--template", "monorepo", "--profile", profile, "--defaults");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return home.resolve("platform");
    }

    /** Every file and folder outside the monorepo's own .ai-lab/, with a hash of each file's bytes. */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = root.relativize(p);
                if (rel.toString().isEmpty() || rel.startsWith(".ai-lab")) {
                    continue;
                }
                out.put(rel.toString(), Files.isDirectory(p) ? "folder" : Sha256.ofFile(p)
                        + (Files.isExecutable(p) ? " x" : ""));
            }
        }
        return out;
    }

    /** A small template of one's own, given as a folder: no toolchain question. */
    Path ownTemplate() throws IOException {
        Path t = home.resolve("tpl");
        Files.createDirectories(t.resolve("files"));
        Files.writeString(t.resolve("template.yaml"), "name: static-site\nversion: 0.1.0\ndescription: a static site\n"
                + "tiers:\n  basic:\n    - index.html\n    - Makefile\n    - Containerfile\n");
        Files.writeString(t.resolve("files/index.html"), "<h1>{{project_name}}</h1>\n");
        Files.writeString(t.resolve("files/Makefile"), "build:\n\t@echo built\ntest:\n\t@test -s index.html\n");
        Files.writeString(t.resolve("files/Containerfile"), "FROM docker.io/library/busybox:stable\nCOPY index.html /www/\n");
        return t;
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "java", "agent-os", "DIR"})
    void addThenRemoveLeavesTheTreeByteIdenticalAndAddTwiceChangesNothing(String template) throws IOException {
        Path root = monorepo("advanced");
        // The user's own edits outside the blocks: a comment and a service of their own in compose.yaml.
        Path compose = root.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(compose).replace("services:\n",
                "services:\n  # hand-written, kept as it is\n  cache:\n    image: docker.io/library/redis:7\n"));
        Map<String, String> before = tree(root);
        String t = template.equals("DIR") ? ownTemplate().toString() : template;

        CliHarness.Result add = lab("service", "add", "auth", "--template", t, root.toString());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).contains("Added service auth").contains("wired      compose.yaml");
        for (String file : List.of("Makefile", "compose.yaml", "infrastructure/kubernetes/kustomization.yaml",
                ".github/workflows/ci.yml", "docs/README.md")) {
            assertThat(Files.readString(root.resolve(file))).as(file).contains("ai-lab service auth");
        }
        assertThat(root.resolve("infrastructure/kubernetes/auth.yaml")).exists();
        assertThat(Files.readString(compose)).contains("# hand-written, kept as it is\n  cache:\n");
        Map<String, String> added = tree(root);

        CliHarness.Result again = lab("service", "add", "auth", root.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("already added").contains("nothing changed");
        assertThat(tree(root)).isEqualTo(added);

        CliHarness.Result remove = lab("service", "remove", "auth", root.toString());
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(tree(root)).isEqualTo(before);
        try (Stream<Path> removed = Files.list(root.resolve(".ai-lab/removed"))) {
            Path kept = removed.findFirst().orElseThrow();
            assertThat(kept.resolve("services/auth/.ai-lab/profile.yaml")).exists();
            assertThat(kept.resolve("infrastructure/kubernetes/auth.yaml")).exists();
        }
    }

    @Test
    void aBasicMonorepoWithoutCiOrKubernetesFilesIsWiredWhereItCanBeAndComesBackExactly() throws IOException {
        Path root = monorepo("basic");
        assertThat(root.resolve(".github/workflows/ci.yml")).doesNotExist();
        Map<String, String> before = tree(root);
        CliHarness.Result add = lab("service", "add", "auth", "--template", "java", root.toString());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).doesNotContain("ci.yml");
        assertThat(lab("service", "list", root.toString()).out()).contains("auth").contains("yes");
        assertThat(lab("service", "remove", "auth", root.toString()).exitCode()).isZero();
        assertThat(tree(root)).isEqualTo(before);
    }

    @Test
    void twoServicesGetTheirOwnPortsAndBlocksAndListShowsThemWired() throws IOException {
        Path root = monorepo("standard");
        assertThat(lab("service", "add", "auth", root.toString()).exitCode()).isZero();
        CliHarness.Result billing = lab("service", "add", "billing", "--template", "java", "--port", "9000",
                "--data", "java_version=21", root.toString());
        assertThat(billing.exitCode()).as(billing.toString()).isZero();
        CliHarness.Result list = lab("service", "list", root.toString(), "-o", "json");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        JsonNode rows = JSON.readTree(list.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("auth");
        assertThat(rows.get(0).get("port").asInt()).isEqualTo(8080);
        assertThat(rows.get(0).get("template").asText()).isEqualTo("python");
        assertThat(rows.get(1).get("port").asInt()).isEqualTo(9000);
        assertThat(rows.get(1).get("profile").asText()).isEqualTo("standard");
        assertThat(rows.get(1).get("wired").asBoolean()).isTrue();
        assertThat(rows.get(1).get("wiring").findValuesAsText("state")).containsOnly("ok").hasSize(6);
        String ci = Files.readString(root.resolve(".github/workflows/ci.yml"));
        assertThat(ci).contains("matrix.service == 'billing'\n        uses: actions/setup-java@v4")
                .contains("java-version: \"21\"").contains("uses: actions/setup-python@v5");
        // Blocks come in the order added, both above the anchor.
        String compose = Files.readString(root.resolve("compose.yaml"));
        assertThat(compose.indexOf("# >>> ai-lab service auth")).isLessThan(compose.indexOf("# >>> ai-lab service billing"));
        assertThat(compose).contains("      - \"9000:9000\"");
        // A port taken by another service is refused.
        CliHarness.Result clash = lab("service", "add", "web", "--port", "9000", root.toString());
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("port 9000 is already the port of service billing");
        assertThat(root.resolve("services/web")).doesNotExist();
    }

    @Test
    void listFlagsAMissingAndAnEditedBlock() throws IOException {
        Path root = monorepo("standard");
        assertThat(lab("service", "add", "auth", root.toString()).exitCode()).isZero();
        Path makefile = root.resolve("Makefile");
        Files.writeString(makefile, Files.readString(makefile).replace("services/auth test", "services/auth test-all"));
        Path docs = root.resolve("docs/README.md");
        Files.writeString(docs, Files.readString(docs).replaceAll("\\| auth \\|.*\n", ""));
        JsonNode row = JSON.readTree(lab("service", "list", root.toString(), "-o", "json").out()).get(0);
        assertThat(row.get("wired").asBoolean()).isFalse();
        Map<String, String> states = new TreeMap<>();
        row.get("wiring").forEach(w -> states.put(w.get("path").asText(), w.get("state").asText()));
        assertThat(states).containsEntry("Makefile", "edited").containsEntry("docs/README.md", "missing")
                .containsEntry("compose.yaml", "ok");
        CliHarness.Result text = lab("service", "list", root.toString());
        assertThat(text.out()).contains("Makefile edited").contains("docs/README.md missing");
    }

    @Test
    void removeRefusesHandEditsListingTheFilesAndForceMovesThemAside() throws IOException {
        Path root = monorepo("standard");
        assertThat(lab("service", "add", "auth", root.toString()).exitCode()).isZero();
        Path core = root.resolve("services/auth/src/auth/core.py");
        Files.writeString(core, Files.readString(core) + "# my change\n");
        Files.writeString(root.resolve("services/auth/src/auth/extra.py"), "X = 1\n");
        Path compose = root.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(compose).replace("image: ghcr.io/example/auth:dev", "image: mine/auth:1"));
        Map<String, String> edited = tree(root);

        CliHarness.Result refused = lab("service", "remove", "auth", root.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("services/auth/src/auth/core.py").contains("services/auth/src/auth/extra.py")
                .contains("compose.yaml").contains("--force");
        assertThat(tree(root)).isEqualTo(edited);

        CliHarness.Result forced = lab("service", "remove", "auth", "--force", root.toString(), "-o", "json");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        Path recovery = Path.of(JSON.readTree(forced.out()).get("recovery").asText());
        assertThat(Files.readString(recovery.resolve("services/auth/src/auth/core.py"))).endsWith("# my change\n");
        assertThat(Files.readString(recovery.resolve("blocks.txt"))).contains("image: mine/auth:1");
        assertThat(Files.readString(compose)).doesNotContain("auth");
        assertThat(root.resolve("services/auth")).doesNotExist();
    }

    @Test
    void aRemovedServiceComesBackByMovingItsFolderBackAndAddingIt() throws IOException {
        Path root = monorepo("standard");
        assertThat(lab("service", "add", "auth", "--port", "8123", root.toString()).exitCode()).isZero();
        Map<String, String> wired = tree(root);
        CliHarness.Result removed = lab("service", "remove", "auth", root.toString());
        assertThat(removed.exitCode()).isZero();
        String restore = removed.out().lines().filter(l -> l.startsWith("  mv ")).findFirst().orElseThrow().strip();
        String[] mv = restore.split(" && ")[0].split(" ");
        Files.move(Path.of(mv[1]), Path.of(mv[2]));
        CliHarness.Result back = lab("service", "add", "auth", root.toString());
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(back.out()).contains("adopted    services/auth");
        assertThat(tree(root)).isEqualTo(wired);
    }

    @Test
    void keepFilesUnwiresAndLeavesTheFolder() throws IOException {
        Path root = monorepo("standard");
        assertThat(lab("service", "add", "auth", root.toString()).exitCode()).isZero();
        Files.writeString(root.resolve("services/auth/notes.txt"), "mine\n");
        CliHarness.Result r = lab("service", "remove", "auth", "--keep-files", root.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(root.resolve("services/auth/notes.txt")).exists();
        assertThat(Files.readString(root.resolve("compose.yaml"))).doesNotContain("auth");
        assertThat(lab("service", "list", root.toString()).out()).contains("No services");
    }

    @Test
    void badInputIsRefusedWithAHintAndNothingChanges() throws IOException {
        Path root = monorepo("standard");
        Map<String, String> before = tree(root);
        CliHarness.Result name = lab("service", "add", "Auth_1", root.toString());
        assertThat(name.exitCode()).isEqualTo(2);
        assertThat(name.err()).contains("'Auth_1' cannot be a service name").contains("lower-case");

        CliHarness.Result nowhere = lab("service", "list", home.toString());
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).contains("no monorepo at or above").contains("--template monorepo");

        Files.createDirectories(root.resolve("services/legacy"));
        Files.writeString(root.resolve("services/legacy/app.py"), "print(1)\n");
        CliHarness.Result foreign = lab("service", "add", "legacy", root.toString());
        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.err()).contains("services/legacy exists and was not made by ai-lab");

        Path compose = root.resolve("compose.yaml");
        String original = Files.readString(compose);
        Files.writeString(compose, original.replace("  # --- ai-lab service blocks above this line ---\n", ""));
        CliHarness.Result anchor = lab("service", "add", "auth", root.toString());
        assertThat(anchor.exitCode()).isEqualTo(1);
        assertThat(anchor.err()).contains("compose.yaml has no line").contains("nothing was changed");
        assertThat(root.resolve("services/auth")).doesNotExist();
        assertThat(Files.readString(root.resolve("Makefile"))).doesNotContain("auth");
        Files.writeString(compose, original);

        CliHarness.Result unknown = lab("service", "remove", "ghost", root.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("service ghost was not added");
        Path record = root.resolve(".ai-lab/services.yaml");
        Files.writeString(record, "services:\n  auth:\n    template: python\n    port: eighty\n");
        CliHarness.Result broken = lab("service", "list", root.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains(".ai-lab/services.yaml: port 'eighty' is not a whole number");
        Files.delete(record);

        Files.delete(root.resolve("services/legacy/app.py"));
        Files.delete(root.resolve("services/legacy"));
        assertThat(tree(root)).isEqualTo(before);
    }
}
