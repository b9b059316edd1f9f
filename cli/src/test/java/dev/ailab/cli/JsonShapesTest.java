package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ailab.cli.aiconfig.AiConfigCommand;
import dev.ailab.cli.aiconfig.TestUpstream;
import dev.ailab.cli.vectorweight.VectorweightCommand;
import dev.ailab.deployment.podman.FakePodman;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command's {@code -o json} against the tables "JSON output" of the docs: each command that
 * takes {@code --output} has a row, each row names such a command, and each command run on a
 * prepared home prints JSON with exactly the keys its row lists (the keys of every element, for
 * an array). Enum values are never written as Java constant names. The docs are the one list of
 * keys: this test reads them, so they cannot drift from the code.
 */
class JsonShapesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> DOCS = List.of("docs/hub.md", "docs/host.md", "docs/vectorweight.md",
            "docs/ai-config.md", "docs/configuration.md", "docs/templates.md");
    /** Commands without -o json: shell scripts, schemas and exports are documents of their own; a secret never goes into JSON; a server answers in its API. */
    private static final Set<String> WITHOUT_JSON = Set.of("ai-lab completion", "vectorweight completion",
            "ai-config completion", "ai-lab config schema", "vectorweight schema", "ai-lab work export",
            "ai-lab secrets get", "vectorweight init", "ai-lab github listen", "ai-lab dashboard serve", "ai-lab dashboard export");
    private static final Pattern ROW = Pattern.compile("^\\| `((?:ai-lab|vectorweight|ai-config) [^`]+)` \\| (.+) \\|$");
    private static final Pattern KEY = Pattern.compile("`([a-z][a-z0-9_]*)`");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One documented shape: an object with these keys, or an array of such objects; with
     * {@code open} (a row ending in "…") at least these keys.
     */
    record Shape(String doc, boolean array, Set<String> keys, boolean open) {
    }

    /** One run: the row it checks ({@code label}), the front, the arguments, the exit code. */
    record Case(String label, String front, Supplier<String[]> args, int exit, String stdin) {
        static Case of(String label, String front, int exit, String... args) {
            return new Case(label, front, () -> args, exit, null);
        }
    }

    @TempDir
    static Path tmp;
    static Path home;
    static Path base;
    static FakePodman podman;
    static TestUpstream upstream;
    static dev.ailab.generators.bundle.HelmRepoServer charts;
    static dev.ailab.integrations.github.StandInGithub github;
    static final Map<String, JsonNode> outputs = new HashMap<>();
    static final Map<String, Shape> documented = new LinkedHashMap<>();
    static Set<String> enumNames;

    @BeforeAll
    static void prepare() throws IOException {
        for (String doc : DOCS) {
            boolean inSection = false;
            for (String line : Files.readAllLines(ROOT.resolve(doc))) {
                if (line.startsWith("#")) {
                    inSection = line.matches("#+ JSON output");
                    continue;
                }
                Matcher m = ROW.matcher(line);
                if (inSection && m.matches()) {
                    String cell = m.group(2).strip();
                    Set<String> keys = new LinkedHashSet<>();
                    Matcher k = KEY.matcher(cell);
                    while (k.find()) {
                        keys.add(k.group(1));
                    }
                    Shape before = documented.put(m.group(1), new Shape(doc, cell.startsWith("array of "), keys,
                            cell.endsWith("…")));
                    assertThat(before).as(m.group(1) + " is documented twice").isNull();
                }
            }
        }
        enumNames = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ailab")) {
            if (c.isEnum()) {
                for (Object constant : c.reflect().getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
                        enumNames.add(name);
                    }
                }
            }
        }

        assertThat(enumNames).as("constant names of our enums").contains("LIBRARY", "OK", "ADDED", "RUNNING");

        home = tmp.resolve("home");
        base = home.resolve("ai");
        podman = new FakePodman(tmp).allRunning();
        Files.createDirectories(home.resolve(".ai-lab"));
        Files.writeString(home.resolve(".ai-lab/config.yaml"), "deployment:\n  pod: ai-agents\n  agents: [claude, grok]\n");
        Files.createDirectories(base.resolve("config"));
        Files.writeString(base.resolve("config/pod.yaml"), "pod: ai-agents\n");
        Files.writeString(home.resolve("items.json"), "[{\"title\": \"imported one\"}, {\"title\": \"imported two\", \"priority\": \"low\"}]\n");
        Path shop = home.resolve("code/shop");
        Files.createDirectories(shop.resolve(".ai-lab"));
        Files.writeString(shop.resolve(".ai-lab/config.yaml"), "project_name: web-shop\nprofile: standard\n");
        Files.writeString(shop.resolve("README.md"), "# shop\n");
        // Two clusters of one name: invalid for every validate command.
        Files.writeString(home.resolve("twins.yaml"), """
                project_name: lab
                clusters:
                  - name: edge
                    domain: a.example.com
                  - name: edge
                    domain: b.example.com
                """);
        Files.writeString(home.resolve("old-vw.yaml"), """
                metadata:
                  project_name: lab
                clusters:
                  - name: edge
                    domain: edge.example.com
                    kubernetes_distribution: k3s
                """);
        Files.writeString(home.resolve("old-ai.yaml"), "ai_config:\n  url: https://example.org/team/library.git\n");
        Files.writeString(home.resolve("team.yaml"), "library:\n  branch: main\n");
        assertThat(vw().run("init", "--template", "minimal", "--file", "vw.yaml").exitCode()).isZero();
        dev.ailab.deployment.secrets.AgeIdentity sopsKey = dev.ailab.deployment.secrets.AgeIdentity.generate();
        Files.writeString(home.resolve("sops-key.txt"), sopsKey.fileText(java.time.Instant.now()));
        Files.writeString(home.resolve("vw-sops.yaml"), dev.ailab.cli.vectorweight.VectorweightSecretsTest.config("flux", sopsKey.recipient()));
        upstream = new TestUpstream(tmp.resolve("up"), true);
        charts = new dev.ailab.generators.bundle.HelmRepoServer(tmp.resolve("charts"),
                List.of(dev.ailab.generators.charts.UpstreamChart.ARGO_CD));
        github = new dev.ailab.integrations.github.StandInGithub("octo", "issues")
                .gitRoot(Files.createDirectories(tmp.resolve("github"))).token("json-shapes-token", "repo");
        Files.writeString(home.resolve("vw-gh.yaml"), """
                project_name: gh-lab
                clusters:
                  - name: lab
                    domain: lab.example.com
                auto_create_repositories: true
                github:
                  owner: octo
                  api_url: %s
                """.formatted(github.enterpriseApiUrl()));
    }

    @AfterAll
    static void close() {
        if (upstream != null) {
            upstream.close();
        }
        if (charts != null) {
            charts.close();
        }
        if (github != null) {
            github.close();
        }
    }

    static CliHarness lab() {
        return CliHarness.aiLab(home).env("AI_LAB_DEPLOY_DIR", base.toString())
                .env("PATH", podman.binDir() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    static CliHarness vw() {
        return new CliHarness(VectorweightCommand::new, home).env("GITHUB_TOKEN", "json-shapes-token");
    }

    static CliHarness cfg() {
        return new CliHarness(AiConfigCommand::new, home);
    }

    static String out(String label, String key) {
        return outputs.get(label).get(key).asText();
    }

    static final String LAB = "ai-lab";
    static final String VW = "vectorweight";
    static final String CFG = "ai-config";

    /** In the order they run: later ones use what earlier ones made. */
    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(Case.of("ai-lab work add", LAB, 0, "work", "add", "Fix the login", "-p", "shop", "-l", "bug"));
        c.add(Case.of("ai-lab work add", LAB, 0, "work", "add", "Second thing", "--parent", "1"));
        c.add(Case.of("ai-lab work list", LAB, 0, "work", "list"));
        c.add(Case.of("ai-lab work show", LAB, 0, "work", "show", "1"));
        c.add(Case.of("ai-lab work update", LAB, 0, "work", "update", "1", "--priority", "high"));
        c.add(Case.of("ai-lab work start", LAB, 0, "work", "start", "1"));
        c.add(Case.of("ai-lab work block", LAB, 0, "work", "block", "2"));
        c.add(Case.of("ai-lab work done", LAB, 0, "work", "done", "2"));
        c.add(Case.of("ai-lab work delete", LAB, 0, "work", "delete", "2", "--yes"));
        c.add(Case.of("ai-lab work import", LAB, 0, "work", "import", "items.json"));
        c.add(Case.of("ai-lab idea add", LAB, 0, "idea", "add", "Use FTS5", "--tag", "search"));
        c.add(Case.of("ai-lab idea list", LAB, 0, "idea", "list"));
        c.add(Case.of("ai-lab idea show", LAB, 0, "idea", "show", "1"));
        c.add(Case.of("ai-lab idea promote", LAB, 0, "idea", "promote", "1", "-p", "shop"));
        c.add(Case.of("ai-lab session start", LAB, 0, "session", "start", "--agent", "claude", "--work", "1"));
        c.add(Case.of("ai-lab session log", LAB, 0, "session", "log", "1", "ran", "the", "tests"));
        c.add(Case.of("ai-lab session end", LAB, 0, "session", "end", "1", "--summary", "fixed", "--cost", "0.4"));
        c.add(Case.of("ai-lab session list", LAB, 0, "session", "list"));
        c.add(Case.of("ai-lab session show", LAB, 0, "session", "show", "1"));
        c.add(Case.of("ai-lab project register", LAB, 0, "project", "register", "code/shop"));
        c.add(Case.of("ai-lab project list", LAB, 0, "project", "list"));
        c.add(Case.of("ai-lab project sync", LAB, 0, "project", "sync", "--all"));
        c.add(Case.of("ai-lab project archive", LAB, 0, "project", "archive", "web-shop"));
        c.add(Case.of("ai-lab github doctor", LAB, 2, "github", "doctor"));
        c.add(Case.of("ai-lab github sync", LAB, 0, "github", "sync", "--all"));
        c.add(Case.of("ai-lab github resolve", LAB, 0, "github", "resolve", "1", "--take", "local"));
        c.add(Case.of("ai-lab db migrate", LAB, 0, "db", "migrate"));
        c.add(Case.of("ai-lab db info", LAB, 0, "db", "info", "--check"));
        c.add(Case.of("ai-lab db backup", LAB, 0, "db", "backup"));
        c.add(new Case("ai-lab db restore", LAB, () -> new String[] {"db", "restore", out("ai-lab db backup", "file")}, 0, null));
        c.add(Case.of("ai-lab template list", LAB, 0, "template", "list"));
        c.add(Case.of("ai-lab template show", LAB, 0, "template", "show", "python"));
        c.add(Case.of("ai-lab create-project", LAB, 0, "create-project", "demo", "--profile", "basic", "--dry-run"));
        c.add(Case.of("ai-lab create-project", LAB, 0, "create-project", "kept", "--profile", "basic"));
        c.add(Case.of("ai-lab project update", LAB, 0, "project", "update", "kept", "--dry-run"));
        c.add(Case.of("ai-lab project update", LAB, 0, "project", "update", "kept", "--profile", "standard"));
        c.add(Case.of("ai-lab project status", LAB, 0, "project", "status", "kept"));
        c.add(Case.of("ai-lab project update --undo", LAB, 0, "project", "update", "--undo", "kept"));
        c.add(Case.of("ai-lab create-project", LAB, 0, "create-project", "mono", "--template", "monorepo", "--defaults"));
        c.add(Case.of("ai-lab service add", LAB, 0, "service", "add", "auth", "mono"));
        c.add(Case.of("ai-lab service list", LAB, 0, "service", "list", "mono"));
        c.add(Case.of("ai-lab service remove", LAB, 0, "service", "remove", "auth", "mono"));
        c.add(Case.of("ai-lab config show", LAB, 0, "config", "show"));
        c.add(Case.of("ai-lab config show --origin", LAB, 0, "config", "show", "--origin"));
        c.add(Case.of("ai-lab config validate", LAB, 0, "config", "validate"));
        c.add(Case.of("ai-lab config validate", LAB, 0, "config", "validate", "vw.yaml"));
        c.add(Case.of("ai-lab config validate", LAB, 2, "config", "validate", "twins.yaml"));
        c.add(Case.of("ai-lab secrets init", LAB, 0, "secrets", "init"));
        c.add(new Case("ai-lab secrets set", LAB, () -> new String[] {"secrets", "set", "claude"}, 0, "sk-claude\n"));
        c.add(new Case("ai-lab secrets set", LAB, () -> new String[] {"secrets", "set", "grok"}, 0, "sk-grok\n"));
        c.add(Case.of("ai-lab secrets list", LAB, 0, "secrets", "list"));
        c.add(Case.of("ai-lab secrets verify", LAB, 0, "secrets", "verify"));
        c.add(Case.of("ai-lab secrets rotate", LAB, 0, "secrets", "rotate", "--new-identity"));
        c.add(Case.of("ai-lab deploy status", LAB, 0, "deploy", "status"));
        c.add(Case.of("ai-lab deploy containers", LAB, 0, "deploy", "containers"));
        c.add(Case.of("ai-lab deploy restart", LAB, 0, "deploy", "restart", "claude"));
        c.add(Case.of("ai-lab deploy restart", LAB, 0, "deploy", "restart"));
        c.add(Case.of("ai-lab deploy logs", LAB, 0, "deploy", "logs", "claude", "--tail", "5"));
        c.add(Case.of("ai-lab backup create", LAB, 0, "backup", "create", "--include-secrets"));
        c.add(Case.of("ai-lab backup list", LAB, 0, "backup", "list"));
        c.add(new Case("ai-lab backup info", LAB, () -> new String[] {"backup", "info", out("ai-lab backup create", "file")}, 0, null));
        c.add(new Case("ai-lab backup verify", LAB, () -> new String[] {"backup", "verify", out("ai-lab backup create", "file")}, 0, null));
        c.add(new Case("ai-lab backup restore", LAB,
                () -> new String[] {"backup", "restore", out("ai-lab backup create", "file"), "--dry-run"}, 0, null));
        c.add(Case.of("ai-lab backup prune", LAB, 0, "backup", "prune", "--keep", "1"));

        c.add(Case.of("vectorweight validate", VW, 0, "validate", "-c", "vw.yaml"));
        c.add(Case.of("vectorweight validate", VW, 2, "validate", "-c", "twins.yaml"));
        c.add(Case.of("vectorweight validate", VW, 2, "validate", "-c", "no-such-file.yaml"));
        c.add(Case.of("vectorweight plan", VW, 10, "plan", "-c", "vw.yaml", "--dir", "out"));
        c.add(Case.of("vectorweight generate", VW, 0, "generate", "-c", "vw.yaml", "--dir", "out"));
        c.add(Case.of("vectorweight plan", VW, 0, "plan", "-c", "vw.yaml", "--dir", "out"));
        c.add(Case.of("vectorweight repos doctor", VW, 0, "repos", "doctor", "-c", "vw-gh.yaml"));
        c.add(Case.of("vectorweight generate", VW, 0, "generate", "-c", "vw-gh.yaml", "--dir", "gh-out"));
        c.add(Case.of("vectorweight repos create", VW, 0, "repos", "create", "-c", "vw-gh.yaml", "--dir", "gh-out"));
        c.add(Case.of("vectorweight repos create", VW, 0, "repos", "create", "-c", "vw-gh.yaml", "--dir", "gh-out", "--dry-run"));
        c.add(Case.of("vectorweight repos status", VW, 0, "repos", "status", "-c", "vw-gh.yaml", "--dir", "gh-out"));
        c.add(new Case("vectorweight secrets set", VW, () -> new String[] {"secrets", "set", "-c", "vw-sops.yaml", "--dir", "sops-out",
                "one", "chroma-auth", "token"}, 0, "tok\n"));
        c.add(Case.of("vectorweight secrets list", VW, 0, "secrets", "list", "-c", "vw-sops.yaml", "--dir", "sops-out"));
        c.add(Case.of("vectorweight secrets verify", VW, 0, "secrets", "verify", "-c", "vw-sops.yaml", "--dir", "sops-out", "-i", "sops-key.txt"));
        c.add(Case.of("vectorweight secrets rotate", VW, 0, "secrets", "rotate", "-c", "vw-sops.yaml", "--dir", "sops-out", "-i", "sops-key.txt"));
        c.add(new Case("vectorweight bundle create", VW, () -> new String[] {"bundle", "create", "-c", "vw.yaml",
            "--file", "lab.bundle", "--chart-repository", charts.url()}, 0, null));
        c.add(Case.of("vectorweight bundle verify", VW, 0, "bundle", "verify", "lab.bundle"));
        c.add(Case.of("vectorweight bundle import", VW, 0, "bundle", "import", "lab.bundle", "--dir", "site"));
        c.add(Case.of("vectorweight bundle diff", VW, 0, "bundle", "diff", "lab.bundle", "lab.bundle"));
        c.add(Case.of("vectorweight migrate", VW, 0, "migrate", "old-vw.yaml"));
        c.add(Case.of("vectorweight migrate", VW, 0, "migrate", "old-vw.yaml", "--file", "new-vw.yaml"));

        c.add(new Case("ai-config init", CFG, () -> new String[] {"init", upstream.url()}, 0, null));
        c.add(new Case("ai-config library update", CFG, () -> {
            upstream.write("prompts/review.md", "Review v2\n").write("prompts/new.md", "new\n");
            upstream.commit("second");
            return new String[] {"library", "update"};
        }, 0, null));
        c.add(new Case("ai-config library status", CFG, () -> {
            write(home.resolve(".local/share/ai-config/personal/prompts/review.md"), "my review\n");
            write(home.resolve(".local/share/ai-config/library/agents/coder.yaml"), "name: mine\n");
            upstream.write("prompts/explain.md", "Explain v3\n");
            upstream.commit("third");
            assertThat(cfg().run("library", "update", "--dry-run").exitCode()).isZero(); // fetched, not applied
            return new String[] {"library", "status"};
        }, 0, null));
        c.add(Case.of("ai-config library diff", CFG, 0, "library", "diff"));
        c.add(Case.of("ai-config library diff", CFG, 0, "library", "diff", "prompts/explain.md"));
        c.add(Case.of("ai-config library log", CFG, 0, "library", "log"));
        c.add(Case.of("ai-config library list", CFG, 0, "library", "list"));
        c.add(Case.of("ai-config library search", CFG, 0, "library", "search", "review"));
        c.add(Case.of("ai-config library show", CFG, 0, "library", "show", "prompts/review.md"));
        c.add(Case.of("ai-config library rollback", CFG, 0, "library", "rollback"));
        c.add(Case.of("ai-config health", CFG, 0, "health", "--offline"));
        c.add(Case.of("ai-config config validate", CFG, 0, "config", "validate"));
        c.add(Case.of("ai-config config validate", CFG, 2, "config", "validate", "--config", "twins.yaml"));
        c.add(Case.of("ai-config config show", CFG, 0, "config", "show"));
        c.add(Case.of("ai-config config backup", CFG, 0, "config", "backup", "--config", "team.yaml"));
        c.add(Case.of("ai-config config restore --list", CFG, 0, "config", "restore", "--list"));
        c.add(Case.of("ai-config config restore", CFG, 0, "config", "restore", "--config", "team.yaml"));
        c.add(Case.of("ai-config config migrate", CFG, 0, "config", "migrate", "--config", "old-ai.yaml", "--dry-run"));
        c.add(Case.of("ai-config config migrate", CFG, 0, "config", "migrate", "--config", "old-ai.yaml"));
        return c;
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyCommandThatTakesOutputJsonHasARowAndEveryRowACommandAndARun() {
        Set<String> withOutput = new TreeSet<>();
        Set<String> without = new TreeSet<>();
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (RootCommand root : Fronts.all()) {
            leaves(CommandLineFactory.create(root, RunContext.system(), sink, sink), withOutput, without);
        }
        assertThat(without).as("commands without -o json (the rule in docs/architecture.md)").isEqualTo(new TreeSet<>(WITHOUT_JSON));
        Set<String> rows = new TreeSet<>();
        for (String label : documented.keySet()) {
            rows.add(command(label, withOutput));
        }
        assertThat(rows).as("commands with a row in a 'JSON output' table").isEqualTo(withOutput);
        Set<String> run = new TreeSet<>();
        cases().forEach(c -> run.add(c.label()));
        assertThat(run).as("rows this test runs").isEqualTo(new TreeSet<>(documented.keySet()));
    }

    /** The command a row's label names: its longest leading words that are a leaf command. */
    private static String command(String label, Set<String> commands) {
        String words = label;
        while (!commands.contains(words) && words.contains(" ")) {
            words = words.substring(0, words.lastIndexOf(' '));
        }
        return commands.contains(words) ? words : label + " (no such command with --output)";
    }

    private static void leaves(CommandLine cl, Set<String> withOutput, Set<String> without) {
        if (cl.getSubcommands().isEmpty()) {
            (cl.getCommandSpec().optionsMap().containsKey("--output") ? withOutput : without).add(cl.getCommandSpec().qualifiedName());
        }
        cl.getSubcommands().values().stream().distinct().forEach(sub -> leaves(sub, withOutput, without));
    }

    @TestFactory
    Stream<DynamicTest> eachCommandPrintsTheKeysItsRowLists() {
        List<Case> cases = cases();
        return java.util.stream.IntStream.range(0, cases.size()).mapToObj(i ->
                DynamicTest.dynamicTest((i + 1) + ". " + cases.get(i).label(), () -> check(cases.get(i))));
    }

    private static void check(Case c) throws IOException {
        String[] args = c.args().get();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-o");
        all.add("json");
        CliHarness cli = switch (c.front()) {
            case LAB -> lab();
            case VW -> vw();
            default -> cfg();
        };
        if (c.stdin() != null) {
            cli.stdin(c.stdin());
        }
        CliHarness.Result r = cli.run(all.toArray(String[]::new));
        if (Boolean.getBoolean("json.dump")) {
            System.out.println("=== " + c.label() + " " + String.join(" ", args) + "\n" + r);
        }
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(c.exit());
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc).as("stdout is one JSON document:\n" + r).isNotNull();
        outputs.putIfAbsent(c.label(), doc);
        Shape shape = documented.get(c.label());
        assertThat(shape).as("a row for " + c.label()).isNotNull();
        if (shape.array()) {
            assertThat(doc.isArray()).as(c.label() + " prints an array (" + shape.doc() + ")\n" + r).isTrue();
            assertThat(doc).as(c.label() + " prints at least one element here\n" + r).isNotEmpty();
            for (JsonNode element : doc) {
                checkKeys(c, shape, element);
            }
        } else {
            assertThat(doc.isObject()).as(c.label() + " prints an object (" + shape.doc() + ")\n" + r).isTrue();
            checkKeys(c, shape, doc);
        }
        List<String> constants = new ArrayList<>();
        constantNames(doc, "", constants);
        assertThat(constants).as(c.label() + ": enum values are lower-case words, not Java constant names").isEmpty();
        if (c.exit() == 2 && c.label().endsWith(" validate")) {
            assertThat(doc.get("valid").asBoolean()).isFalse();
            assertThat(doc.get("problems")).isNotEmpty();
            for (JsonNode p : doc.get("problems")) {
                assertThat(keys(p)).isEqualTo(Set.of("file", "line", "column", "message", "hint"));
            }
        }
    }

    private static void checkKeys(Case c, Shape shape, JsonNode node) {
        if (shape.open()) {
            assertThat(keys(node)).as(c.label() + ": at least the keys of " + shape.doc()).containsAll(shape.keys());
        } else {
            assertThat(keys(node)).as(c.label() + ": the keys, as in " + shape.doc()).isEqualTo(shape.keys());
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static void constantNames(JsonNode node, String at, List<String> found) {
        if (node.isTextual() && enumNames.contains(node.asText())) {
            found.add(at + " = " + node.asText());
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                constantNames(node.get(i), at + "[" + i + "]", found);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (enumNames.contains(e.getKey())) {
                found.add(at + "." + e.getKey() + " (a key)");
            }
            constantNames(e.getValue(), at + "." + e.getKey(), found);
        }
    }

    /** The issue's case: both validate commands (and ai-config's) give one verdict on one file. */
    @Test
    void theValidateCommandsGiveOneVerdictOnOneFile(@TempDir Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        files.put("twin-names.yaml", "project_name: lab\nclusters:\n  - {name: edge, domain: a.example.com}\n"
                + "  - {name: Edge, domain: b.example.com}\n");
        files.put("twin-domains.yaml", "project_name: lab\nclusters:\n  - {name: a, domain: x.example.com}\n"
                + "  - {name: b, domain: x.example.com}\n");
        files.put("gpu-without-operator.yaml", "project_name: lab\nclusters:\n  - {name: a, domain: a.example.com, gpu_enabled: true}\n");
        files.put("bad-name.yaml", "project_name: lab\nclusters:\n  - {name: Big_Cluster, domain: a.example.com}\n");
        files.put("no-domain.yaml", "project_name: lab\nclusters:\n  - {name: a}\n");
        files.put("good.yaml", "project_name: lab\nclusters:\n  - {name: a, domain: a.example.com, size: small, vector_store: qdrant}\n");
        // The examples are valid for all three.
        files.put("example-config.yaml", Files.readString(ROOT.resolve("examples/config.yaml")));
        try (Stream<Path> starters = Files.list(ROOT.resolve("examples/vectorweight"))) {
            for (Path starter : starters.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                files.put("good-" + starter.getFileName(), Files.readString(starter));
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
            int lab = CliHarness.aiLab(dir).run("config", "validate", f.getKey()).exitCode();
            int vw = new CliHarness(VectorweightCommand::new, dir).run("validate", "-c", f.getKey()).exitCode();
            int cfg = new CliHarness(AiConfigCommand::new, dir).run("config", "validate", "--config", f.getKey()).exitCode();
            int expected = f.getKey().startsWith("good") || f.getKey().startsWith("example") ? 0 : 2;
            assertThat(List.of(lab, vw, cfg)).as(f.getKey() + ": ai-lab, vectorweight, ai-config").containsOnly(expected);
        }
        // The one difference: a config layer without clusters is complete; vectorweight needs one to generate.
        Files.writeString(dir.resolve("store-only.yaml"), "store:\n  url: jdbc:sqlite:/tmp/x.db\n");
        assertThat(CliHarness.aiLab(dir).run("config", "validate", "store-only.yaml").exitCode()).isZero();
        CliHarness.Result vw = new CliHarness(VectorweightCommand::new, dir).run("validate", "-c", "store-only.yaml");
        assertThat(vw.exitCode()).isEqualTo(2);
        assertThat(vw.err()).contains("is required");
    }
}
