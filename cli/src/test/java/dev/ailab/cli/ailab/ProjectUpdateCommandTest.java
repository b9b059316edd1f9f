package dev.ailab.cli.ailab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ailab.cli.CliHarness;
import dev.ailab.core.io.Sha256;
import dev.ailab.core.template.update.ProjectUpdater;
import dev.ailab.core.template.update.UpdateTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ai-lab project update} and {@code project status} on real folders, with a template moved from 1.0.0 to 2.0.0. */
class ProjectUpdateCommandTest {
    private static final String TEN = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n";
    private static final byte[] LOGO_V1 = {'P', 'N', 'G', 0, 1, 2, 3};
    private static final byte[] LOGO_V2 = {'P', 'N', 'G', 0, 9, 9, 9};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    Path v1;
    Path v2;

    CliHarness cli() {
        return CliHarness.aiLab(home);
    }

    @BeforeEach
    void templates() throws IOException {
        v1 = home.resolve("tpl-v1");
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("README.md", "# {{project_name}}\npackage {{package}}\n");
        files.put("same.txt", "never changes\n");
        files.put("tplchange.txt", "template v1\n");
        files.put("userchange.txt", "user will edit\n");
        files.put("both.txt", TEN);
        files.put("conflict.txt", TEN);
        files.put("dropped.txt", "dropped in v2\n");
        files.put("dropped-edited.txt", "dropped in v2, edited by you\n");
        files.put("deleted.txt", "you delete me\n");
        files.put("old/notes.md", "notes\n");
        files.put("logo.bin", LOGO_V1);
        files.put("extra.txt", "advanced only\n");
        write(v1, "name: tpl\nversion: 1.0.0\nquestions:\n  - name: package\n    default: \"{{project_snake}}\"\n"
                + "    pattern: \"[a-z_][a-z0-9_]*\"\ntiers:\n  basic:\n" + basicList(files, "extra.txt")
                + "  advanced:\n    - extra.txt\n", files);

        v2 = home.resolve("tpl-v2");
        files.put("README.md", "# {{project_name}}\npackage {{pkg}}\n");
        files.put("tplchange.txt", "template v2\n");
        files.put("both.txt", TEN.replace("one\n", "ONE (template)\n"));
        files.put("conflict.txt", TEN.replace("two\n", "two (template)\n"));
        files.put("deleted.txt", "you delete me, v2\n");
        files.remove("dropped.txt");
        files.remove("dropped-edited.txt");
        files.remove("old/notes.md");
        files.put("docs/notes.md", "notes\n");
        files.put("new.txt", "new in v2\n");
        files.put("logo.bin", LOGO_V2);
        write(v2, "name: tpl\nversion: 2.0.0\nquestions:\n  - name: pkg\n    default: \"{{project_snake}}\"\n"
                + "    pattern: \"[a-z_][a-z0-9_]*\"\ntiers:\n  basic:\n" + basicList(files, "extra.txt")
                + "  advanced:\n    - extra.txt\n"
                + "migrations:\n  - version: 2.0.0\n    steps:\n      - move: {from: old, to: docs}\n"
                + "      - rename_answer: {from: package, to: pkg}\n", files);
    }

    private static String basicList(Map<String, Object> files, String except) {
        StringBuilder s = new StringBuilder();
        files.keySet().stream().filter(f -> !f.equals(except)).forEach(f -> s.append("    - ").append(f).append('\n'));
        return s.toString();
    }

    private static void write(Path dir, String manifest, Map<String, Object> files) throws IOException {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("template.yaml"), manifest);
        for (Map.Entry<String, Object> f : files.entrySet()) {
            Path file = dir.resolve("files").resolve(f.getKey());
            Files.createDirectories(file.getParent());
            if (f.getValue() instanceof byte[] b) {
                Files.write(file, b);
            } else {
                Files.writeString(file, (String) f.getValue());
            }
        }
    }

    private Path create(String parent, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("create-project", "demo", "--template-dir", v1.toString(),
                "--profile", "basic", "--data", "package=demo_pkg", "--dir", parent));
        args.addAll(List.of(more));
        CliHarness.Result r = cli().run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return home.resolve(parent).resolve("demo");
    }

    /** Every file under {@code dir} (optionally outside .ai-lab/) with its hash and executable bit. */
    static Map<String, String> tree(Path dir, boolean withMeta) throws IOException {
        Map<String, String> t = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = dir.relativize(p).toString();
                if (!withMeta && (rel.equals(".ai-lab") || rel.startsWith(".ai-lab/"))) {
                    continue;
                }
                t.put(rel, Files.isDirectory(p) ? "dir" : Sha256.ofFile(p) + (Files.isExecutable(p) ? " x" : ""));
            }
        }
        return t;
    }

    @Test
    void anUntouchedProjectUpdatedEqualsAFreshCreateOfTheNewVersion() throws IOException {
        Path project = create("a");
        CliHarness.Result r = cli().run("project", "update", project.toString(), "--template-dir", v2.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("  conflict ").doesNotContain("Left ");
        CliHarness.Result fresh = cli().run("create-project", "demo", "--template-dir", v2.toString(), "--profile", "basic",
                "--data", "pkg=demo_pkg", "--dir", "b");
        assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
        assertThat(tree(project, false)).isEqualTo(tree(home.resolve("b/demo"), false));
        assertThat(Files.readString(project.resolve("README.md"))).isEqualTo("# demo\npackage demo_pkg\n"); // answer renamed, kept
    }

    @Test
    void everyOutcomeOnce_conflictsInlineWithLabels_statusListsThem_undoRestoresExactly() throws IOException {
        Path project = create("p");
        Files.writeString(project.resolve("userchange.txt"), "edited by you\n");
        Files.writeString(project.resolve("both.txt"), TEN.replace("eight\n", "EIGHT (yours)\n"));
        Files.writeString(project.resolve("conflict.txt"), TEN.replace("two\n", "two (yours)\n"));
        Files.writeString(project.resolve("dropped-edited.txt"), "mine now\n");
        Files.delete(project.resolve("deleted.txt"));
        Files.write(project.resolve("logo.bin"), new byte[] {'M', 'I', 'N', 'E', 0});
        Files.writeString(project.resolve("old/my-own.md"), "a file of mine in a moved folder\n");
        Map<String, String> before = tree(project, true);

        CliHarness.Result dry = cli().run("project", "update", project.toString(), "--template-dir", v2.toString(), "--dry-run", "-o", "json");
        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(1);
        assertThat(tree(project, true)).as("a dry run writes nothing").isEqualTo(before);
        Map<String, String> outcomes = new HashMap<>();
        for (JsonNode f : JSON.readTree(dry.out()).get("files")) {
            outcomes.put(f.get("path").asText(), f.get("outcome").asText());
        }
        assertThat(outcomes).containsEntry("same.txt", "unchanged").containsEntry("tplchange.txt", "updated")
                .containsEntry("userchange.txt", "kept").containsEntry("both.txt", "merged")
                .containsEntry("conflict.txt", "conflict").containsEntry("new.txt", "added")
                .containsEntry("dropped.txt", "removed").containsEntry("dropped-edited.txt", "kept-modified")
                .containsEntry("deleted.txt", "kept-deleted").containsEntry("logo.bin", "conflict")
                .containsEntry("docs/notes.md", "unchanged").containsEntry("docs/my-own.md", "kept");

        CliHarness.Result r = cli().run("project", "update", project.toString(), "--template-dir", v2.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("conflict.txt").contains("logo.bin");
        assertThat(Files.readString(project.resolve("conflict.txt"))).isEqualTo(
                "one\n<<<<<<< yours\ntwo (yours)\n=======\ntwo (template)\n>>>>>>> tpl 2.0.0\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n");
        assertThat(Files.readString(project.resolve("both.txt"))).isEqualTo(
                TEN.replace("one\n", "ONE (template)\n").replace("eight\n", "EIGHT (yours)\n"));
        assertThat(project.resolve("logo.bin")).hasBinaryContent(new byte[] {'M', 'I', 'N', 'E', 0});
        assertThat(project.resolve("logo.bin.tpl-2.0.0")).hasBinaryContent(LOGO_V2);
        assertThat(project.resolve("deleted.txt")).doesNotExist();
        assertThat(project.resolve("dropped.txt")).doesNotExist();
        assertThat(project.resolve("dropped-edited.txt")).hasContent("mine now");
        assertThat(project.resolve("docs/notes.md")).hasContent("notes");
        assertThat(project.resolve("docs/my-own.md")).exists();
        assertThat(project.resolve("old")).doesNotExist();
        assertThat(project.resolve("userchange.txt")).hasContent("edited by you");
        try (Stream<Path> walk = Files.walk(project)) {
            assertThat(walk.map(Path::toString).filter(p -> p.endsWith(".rej") || p.endsWith(".orig"))).isEmpty();
        }

        CliHarness.Result status = cli().run("project", "status", project.toString(), "-o", "json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(JSON.readTree(status.out()).get("conflicts").toString()).isEqualTo("[\"conflict.txt\",\"logo.bin\"]");

        CliHarness.Result undo = cli().run("project", "update", "--undo", project.toString());
        assertThat(undo.exitCode()).as(undo.toString()).isZero();
        assertThat(tree(project, true)).as("undo puts back every byte, .ai-lab/ included").isEqualTo(before);
    }

    @Test
    void deletedFilesComeBackOnlyWithRestore() throws IOException {
        Path project = create("r");
        Files.delete(project.resolve("deleted.txt"));
        CliHarness.Result r = cli().run("project", "update", project.toString(), "--template-dir", v2.toString(),
                "--restore", "deleted.txt");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(project.resolve("deleted.txt")).hasContent("you delete me, v2");
    }

    @Test
    void profileUpAddsTheTierAndDownRemovesOnlyWhatYouDidNotChange() throws IOException {
        Path project = create("u");
        CliHarness.Result up = cli().run("project", "update", project.toString(), "--template-dir", v1.toString(), "--profile", "advanced");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(project.resolve("extra.txt")).hasContent("advanced only");
        assertThat(Files.readString(project.resolve(".ai-lab/profile.yaml"))).contains("profile: advanced");
        CliHarness.Result down = cli().run("project", "update", project.toString(), "--template-dir", v1.toString(), "--profile", "basic");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(project.resolve("extra.txt")).doesNotExist();

        cli().run("project", "update", project.toString(), "--template-dir", v1.toString(), "--profile", "advanced");
        Files.writeString(project.resolve("extra.txt"), "mine\n");
        CliHarness.Result keep = cli().run("project", "update", project.toString(), "--template-dir", v1.toString(), "--profile", "basic");
        assertThat(keep.out()).contains("kept-modified  extra.txt");
        assertThat(project.resolve("extra.txt")).hasContent("mine");
    }

    @Test
    void badInputExits2AndWritesNothing() throws IOException {
        Path project = create("bad");
        Map<String, String> before = tree(project, true);
        Path older = home.resolve("tpl-v0");
        Files.createDirectories(older.resolve("files"));
        Files.writeString(older.resolve("template.yaml"), "name: tpl\nversion: 0.9.0\ntiers:\n  basic: []\n");
        Files.createDirectories(home.resolve("plain"));
        List<List<String>> cases = List.of(
                List.of("project", "update", home.resolve("plain").toString()),
                List.of("project", "status", home.resolve("plain").toString()),
                List.of("project", "update", project.toString(), "--template-dir", older.toString()),
                List.of("project", "update", project.toString(), "--template-dir", v2.toString(), "--template-version", "3.0.0"),
                List.of("project", "update", project.toString(), "--template-dir", v1.toString(), "--data", "package=Not-Valid"),
                List.of("project", "update", project.toString(), "--template-dir", home.resolve("nowhere").toString()),
                List.of("project", "update", project.toString(), "--template-dir", v2.toString(), "--restore", "no-such.txt"));
        for (List<String> args : cases) {
            CliHarness.Result r = cli().run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).contains("hint:").doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
        assertThat(tree(project, true)).isEqualTo(before);
    }

    @Test
    void aKillHalfWayIsRolledBackByTheNextCommand() throws IOException {
        Path project = create("k");
        Files.writeString(project.resolve("userchange.txt"), "edited by you\n");
        Map<String, String> before = tree(project, true);
        ProjectUpdater killed = new ProjectUpdater(p -> java.util.Set.of()).observer((path, index) -> {
            if (index == 2) {
                throw new ThreadDeath(); // not caught: stands for a kill after three files were put in place
            }
        });
        dev.ailab.core.template.TemplatePack pack = dev.ailab.core.template.TemplatePack.load(v2, v2.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> killed.update(new ProjectUpdater.Request(project, pack, null,
                Map.of(), null, List.of(), false, false, "test"))).isInstanceOf(ThreadDeath.class);
        assertThat(UpdateTransaction.interrupted(project)).isTrue();
        assertThat(tree(project, true)).isNotEqualTo(before);
        CliHarness.Result status = cli().run("project", "status", project.toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("cut short");
        assertThat(tree(project, true)).isEqualTo(before);
    }

    @Test
    void uncommittedChangesInTouchedFilesAreRefusedUnlessAllowDirty() throws Exception {
        Path project = create("g");
        try (Git git = Git.init().setDirectory(project.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("made").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").setSign(false).call();
        }
        Files.writeString(project.resolve("tplchange.txt"), "uncommitted\n");
        CliHarness.Result r = cli().run("project", "update", project.toString(), "--template-dir", v2.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("uncommitted changes").contains("tplchange.txt").contains("--allow-dirty");
        assertThat(Files.readString(project.resolve(".ai-lab/profile.yaml"))).contains("template_version: \"1.0.0\"");
        CliHarness.Result ok = cli().run("project", "update", project.toString(), "--template-dir", v2.toString(), "--allow-dirty");
        assertThat(ok.exitCode()).as(ok.toString()).isEqualTo(1); // it went ahead: tplchange.txt now holds a conflict
        assertThat(Files.readString(project.resolve("tplchange.txt"), StandardCharsets.UTF_8)).contains("<<<<<<< yours");
    }
}
