package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.cli.aiconfig.AiConfigCommand;
import dev.ailab.cli.vectorweight.VectorweightCommand;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A corpus of bad input for every front, and what a person gets back: a message free of Java
 * and library internals (type and exception names, SnakeYAML's events and carets, SQLite's
 * result codes, git command lines) that carries a hint. The options and file arguments are
 * found through the command model, so a new option is in the corpus the day it is added.
 */
class BadInputCorpusTest {
    /** What must never reach a user, each with why. */
    private static final Map<Pattern, String> FORBIDDEN = new LinkedHashMap<>();

    static {
        FORBIDDEN.put(Pattern.compile("\\bjava\\.|\\bjavax\\.|\\bjdk\\."), "a Java package");
        FORBIDDEN.put(Pattern.compile("\\borg\\.[a-z]|\\bcom\\.[a-z]+\\.[a-z]"), "a library package");
        FORBIDDEN.put(Pattern.compile("Exception|\\bError:|Caused by|\\tat "), "an exception name or stack trace");
        FORBIDDEN.put(Pattern.compile("is not an? (int|long|double|float|short|byte|boolean)\\b|\\bInteger\\b|\\bLong\\b|\\bDouble\\b"),
                "a Java type name");
        FORBIDDEN.put(Pattern.compile("positional parameter at index|picocli|\\(case-insensitive\\)|expected one of \\["),
                "picocli's own wording");
        FORBIDDEN.put(Pattern.compile("SQLITE_|\\[SQLITE|file is not a database\\)"), "an SQLite result code");
        FORBIDDEN.put(Pattern.compile("in 'reader'|<stream end>|<block end>|<document start>|(?m)^\\s*\\^\\s*$|snakeyaml",
                Pattern.CASE_INSENSITIVE), "SnakeYAML's events or carets");
        FORBIDDEN.put(Pattern.compile("Input length = |MalformedInput|Not in GZIP format|\\.gz format"), "a JDK message");
        FORBIDDEN.put(Pattern.compile("Bech32 Part|position \\[\\d+\\]"), "the age library's message");
        FORBIDDEN.put(Pattern.compile("(?m)^error: .*\\bgit (-C|clone|fetch|pull|push|checkout|reset|rev-parse|ls-remote|ls-files|"
                + "log|show|status|diff|config|update-ref|for-each-ref|fsck|cat-file|read-tree|init)\\b"), "a git command line");
    }

    private static final Map<String, Supplier<RootCommand>> FRONTS = new LinkedHashMap<>();

    static {
        FRONTS.put("ai-lab", AiLabCommand::new);
        FRONTS.put("vectorweight", VectorweightCommand::new);
        FRONTS.put("ai-config", AiConfigCommand::new);
    }

    @TempDir
    Path home;

    private Path junk;
    private Path badYaml;

    @BeforeEach
    void junkFiles() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        junk = Files.write(home.resolve("junk.bin"), bytes);
        badYaml = Files.writeString(home.resolve("bad.yaml"), "project_name: [demo, x\nclusters: : y\n  - name\n");
    }

    private CliHarness front(String name) {
        return new CliHarness(FRONTS.get(name), home).env("AI_LAB_DEPLOY_DIR", home.resolve("ai").toString());
    }

    // ------------------------------------------------------------------ wrong values

    @Test
    void aWrongValueForEveryTypedOptionIsWordedForPeople() {
        List<String> bad = new ArrayList<>();
        int cases = 0;
        for (String front : FRONTS.keySet()) {
            for (CommandLine cl : leaves(front)) {
                for (ArgSpec arg : cl.getCommandSpec().args()) {
                    for (String value : wrongValues(elementType(arg))) {
                        List<String> args = new ArrayList<>(path(cl));
                        if (arg instanceof OptionSpec o) {
                            args.add(o.longestName());
                        } else if (((PositionalParamSpec) arg).index().min() > 0) {
                            continue; // none so far; the earlier positionals would need values
                        }
                        args.add(value);
                        cases++;
                        check(front, args, 2, bad, value);
                        if (arg instanceof PositionalParamSpec p && p.isMultiValue()) {
                            List<String> second = new ArrayList<>(path(cl));
                            second.addAll(List.of("1", value)); // picocli leaves the second one unmatched
                            cases++;
                            check(front, second, 2, bad, value);
                        }
                    }
                }
            }
        }
        assertThat(bad).as("wrong values whose message is not for people").isEmpty();
        assertThat(cases).as("cases").isGreaterThan(80);
    }

    /** Values typed as text on the command line but parsed by the command: dates, priorities, agent names... */
    @Test
    void aWrongValueForEveryOptionTheCommandParsesItselfIsWordedForPeople() {
        Map<String, String> wrong = Map.of("DATE", "someday", "PRIORITY", "huge", "STATUS", "nope", "KEY", "nope.nope",
                "AGENT", "Bad Agent!", "VERSION", "zz", "PROFILE", "nope", "AGE_RECIPIENT", "age1nope", "AGE1...", "age1nope",
                "VAR", "1 bad name");
        List<String> bad = new ArrayList<>();
        int cases = 0;
        for (String front : FRONTS.keySet()) {
            for (CommandLine cl : leaves(front)) {
                for (ArgSpec arg : cl.getCommandSpec().args()) {
                    String value = wrong.get(arg.paramLabel());
                    if (value == null || elementType(arg) != String.class) {
                        continue;
                    }
                    List<String> args = new ArrayList<>(path(cl));
                    if (arg instanceof OptionSpec o) {
                        args.add(o.longestName());
                        args.add(value);
                        args.addAll(required(cl.getCommandSpec(), arg));
                    } else {
                        args.addAll(required(cl.getCommandSpec(), arg));
                        args.add(value);
                    }
                    cases++;
                    check(front, args, -1, bad, null);
                }
            }
        }
        assertThat(bad).as("wrong values whose message is not for people").isEmpty();
        assertThat(cases).as("cases").isGreaterThan(15);
    }

    // ------------------------------------------------------------------ junk files

    /** A binary file, or a folder where a file is wanted, for every file and folder argument of every command. */
    @Test
    void aJunkFileForEveryFileArgumentIsWordedForPeople() throws Exception {
        List<String> bad = new ArrayList<>();
        int cases = 0;
        for (String front : FRONTS.keySet()) {
            for (CommandLine cl : leaves(front)) {
                for (ArgSpec arg : cl.getCommandSpec().args()) {
                    if (!isFileArgument(arg)) {
                        continue;
                    }
                    Path file = Files.write(home.resolve("junk-" + cases + ".bin"), Files.readAllBytes(junk));
                    List<String> args = new ArrayList<>(path(cl));
                    if (arg instanceof OptionSpec o) {
                        args.add(o.longestName());
                        args.add(file.toString());
                        args.addAll(required(cl.getCommandSpec(), arg));
                    } else {
                        args.addAll(required(cl.getCommandSpec(), arg));
                        args.add(file.toString());
                    }
                    cases++;
                    check(front, args, -1, bad, null);
                }
            }
        }
        assertThat(bad).as("junk files whose message is not for people").isEmpty();
        assertThat(cases).as("cases").isGreaterThan(60);
    }

    /** A config with a YAML syntax error, given to every command that takes --config. */
    @Test
    void aConfigWithASyntaxErrorIsWordedForPeopleByEveryCommand() {
        List<String> bad = new ArrayList<>();
        int cases = 0;
        for (String front : FRONTS.keySet()) {
            for (CommandLine cl : leaves(front)) {
                OptionSpec config = cl.getCommandSpec().findOption("--config");
                if (config == null) {
                    continue;
                }
                List<String> args = new ArrayList<>(path(cl));
                args.addAll(List.of("--config", badYaml.toString()));
                args.addAll(required(cl.getCommandSpec(), config));
                cases++;
                check(front, args, -1, bad, null);
            }
        }
        assertThat(bad).as("broken configs whose message is not for people").isEmpty();
        assertThat(cases).as("cases").isGreaterThan(50);
    }

    /** {@code vectorweight migrate} words a broken YAML file exactly as {@code validate} does. */
    @ParameterizedTest
    @ValueSource(strings = {"a: [1, 2\nb: : x\n", "a: 1\n  b: 2\n", "a:\n\t- x\n", "a: 'open\n", "a: *nowhere\n", "- just\n- a list\n"})
    void vectorweightMigrateWordsYamlErrorsLikeValidate(String text) throws Exception {
        Path file = Files.writeString(home.resolve("old.yaml"), text);
        CliHarness.Result migrate = front("vectorweight").run("migrate", file.toString());
        CliHarness.Result validate = front("vectorweight").run("validate", "--config", file.toString());
        List<String> bad = new ArrayList<>();
        problems("vectorweight migrate", migrate, 2, null, bad);
        assertThat(bad).isEmpty();
        if (!text.startsWith("- ")) {
            assertThat(migrate.err()).as(migrate.toString()).isEqualTo(validate.err());
        }
    }

    @Test
    void aBinaryFileIsNamedAsSuchByMigrateAndValidate() {
        for (String[] args : List.of(new String[] {"migrate", junk.toString()}, new String[] {"validate", "--config", junk.toString()})) {
            CliHarness.Result r = front("vectorweight").run(args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("binary file").contains("hint:");
        }
    }

    // ------------------------------------------------------------------ the second wave, past the first check

    /** One bad input to a command: where it runs, what it gets on stdin and in its environment, the documented exit code. */
    private record Case(String front, Path dir, String stdin, Map<String, String> env, int exit, List<String> args) {
        String what() {
            return front + " " + String.join(" ", args);
        }
    }

    private Case bad(String front, int exit, String... args) {
        return new Case(front, home, null, Map.of(), exit, List.of(args));
    }

    private CliHarness.Result run(Case c) {
        CliHarness cli = front(c.front()).workingDir(c.dir());
        c.env().forEach(cli::env);
        if (c.stdin() != null) {
            cli.stdin(c.stdin());
        }
        return cli.run(c.args().toArray(String[]::new));
    }

    /**
     * The commands of the second wave with inputs that get past option parsing: a real config,
     * a real monorepo and project, junk where a secret, identity, bundle or profile is read.
     * The generic cases above only reach the first check of most of these commands.
     */
    @Test
    void secondWaveCommandsWordBadInputForPeopleWithTheirDocumentedExitCodes() throws Exception {
        String recipient = dev.ailab.deployment.secrets.AgeIdentity.generate().recipient();
        dev.ailab.deployment.secrets.AgeIdentity identity = dev.ailab.deployment.secrets.AgeIdentity.generate();
        Path key = Files.writeString(home.resolve("key.txt"), identity.fileText(java.time.Instant.parse("2026-12-01T00:00:00Z")));
        Files.writeString(home.resolve("vw.yaml"), "project_name: lab\nclusters:\n  - name: one\n    domain: one.example.com\n"
                + "    age_recipients: [" + recipient + ", " + identity.recipient() + "]\n  - name: two\n    domain: two.example.com\n");
        String j = junk.toString();
        List<Case> cases = new ArrayList<>(List.of(
                // vectorweight secrets: names, keys, values, identities
                new Case("vectorweight", home, "v\n", Map.of(), 2, List.of("secrets", "set", "-c", "vw.yaml", "one", "Bad_Name", "k")),
                new Case("vectorweight", home, "v\n", Map.of(), 2, List.of("secrets", "set", "-c", "vw.yaml", "nowhere", "s", "k")),
                new Case("vectorweight", home, "v\n", Map.of(), 2, List.of("secrets", "set", "-c", "vw.yaml", "one", "s", "bad key!")),
                new Case("vectorweight", home, "", Map.of(), 2, List.of("secrets", "set", "-c", "vw.yaml", "one", "s", "k")),
                new Case("vectorweight", home, "v\n", Map.of(), 2, List.of("secrets", "set", "-c", "vw.yaml", "one", "kustomization", "k")),
                new Case("vectorweight", home, "v\n", Map.of(), 2, List.of("secrets", "set", "-c", "vw.yaml", "one", "s", "k", "--namespace", "No_Such")),
                new Case("vectorweight", home, "v\n", Map.of(), 2, List.of("secrets", "set", "-c", "vw.yaml", "two", "s", "k")),
                new Case("vectorweight", home, "v\n", Map.of(), 2, List.of("secrets", "set", "-c", j, "one", "s", "k")),
                bad("vectorweight", 2, "secrets", "verify", "-c", "vw.yaml", "-i", j),
                bad("vectorweight", 2, "secrets", "verify", "-c", "vw.yaml", "-i", "missing-key.txt"),
                bad("vectorweight", 2, "secrets", "verify", "-c", "vw.yaml"),
                new Case("vectorweight", home, null, Map.of("SOPS_AGE_KEY_FILE", j), 2, List.of("secrets", "verify", "-c", "vw.yaml")),
                bad("vectorweight", 2, "secrets", "rotate", "-c", "vw.yaml", "-i", j),
                // vectorweight init --template and bundles
                bad("vectorweight", 2, "init", "--template", "nope"),
                bad("vectorweight", 2, "bundle", "create", "-c", "vw.yaml", "--platform", "not-a-platform"),
                bad("vectorweight", 2, "bundle", "create", "-c", "vw.yaml", "--chart-repository", "not a url"),
                bad("vectorweight", 1, "bundle", "verify", j),
                bad("vectorweight", 1, "bundle", "import", j, "--dir", home.resolve("imported").toString()),
                bad("vectorweight", 1, "bundle", "diff", j, j),
                // ai-lab: outside a monorepo or project
                bad("ai-lab", 2, "service", "add", "auth", home.toString()),
                bad("ai-lab", 2, "service", "list", home.toString()),
                bad("ai-lab", 2, "service", "remove", "auth", home.toString()),
                bad("ai-lab", 2, "project", "status", home.toString()),
                bad("ai-lab", 2, "project", "update", home.toString()),
                // github: an item that is not one, a side that is not one
                bad("ai-lab", 2, "github", "resolve", "abc"),
                bad("ai-lab", 2, "github", "resolve", "1", "--take", "nope"),
                // dashboard: reachable from other machines without a token, a token variable that is not set
                bad("ai-lab", 2, "dashboard", "serve", "--bind", "0.0.0.0", "--port", "0"),
                bad("ai-lab", 2, "dashboard", "serve", "--bind", "0.0.0.0", "--port", "0", "--token-env", "NO_SUCH_TOKEN_VAR"),
                bad("ai-lab", 2, "dashboard", "export", "--priority", "huge"),
                // db backup --schedule: a period that is not one, with --file, a --keep that is not a count
                bad("ai-lab", 2, "db", "backup", "--schedule", "hourly"),
                bad("ai-lab", 2, "db", "backup", "--schedule", "daily", "--file", "b.db"),
                bad("ai-lab", 2, "db", "backup", "--keep", "0"),
                bad("ai-lab", 2, "db", "backup", "--encrypt-to", "age1nope")));

        // junk where a SOPS secret is expected: list and rotate refuse, verify reports the file
        Path secrets = Files.createDirectories(home.resolve("lab-deployment/clusters/one/secrets"));
        Path junkSecret = Files.write(secrets.resolve("junk.yaml"), Files.readAllBytes(junk));
        Files.writeString(secrets.resolve("plain.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: plain\nstringData:\n  k: v\n");
        List<Case> withJunkSecrets = List.of(
                bad("vectorweight", 2, "secrets", "list", "-c", "vw.yaml"),
                bad("vectorweight", 1, "secrets", "verify", "-c", "vw.yaml", "-i", key.toString()),
                bad("vectorweight", 2, "secrets", "rotate", "-c", "vw.yaml", "-i", key.toString()),
                bad("vectorweight", 2, "generate", "-c", "vw.yaml"));

        // a real monorepo and project: a bad service name, template and port; a junk profile; a version that is not one
        assertThat(front("ai-lab").run("create-project", "platform", "--template", "monorepo", "--profile", "basic", "--defaults").exitCode())
                .isZero();
        Path mono = home.resolve("platform");
        List<Case> inProjects = new ArrayList<>(List.of(
                bad("ai-lab", 2, "service", "add", "Bad_Name", mono.toString()),
                bad("ai-lab", 2, "service", "add", "auth", "--template", "nope", mono.toString()),
                bad("ai-lab", 2, "service", "add", "auth", "--port", "70000", mono.toString()),
                bad("ai-lab", 2, "service", "add", "auth", "--data", "nope=1", mono.toString()),
                bad("ai-lab", 1, "service", "remove", "nope", mono.toString()),
                bad("ai-lab", 2, "project", "update", "--template-version", "zz", mono.toString()),
                bad("ai-lab", 2, "project", "update", "--restore", j, mono.toString())));

        List<String> badAnswers = new ArrayList<>();
        List<Case> all = new ArrayList<>(cases);
        all.addAll(inProjects);
        for (Case c : all) {
            problems(c.what(), run(c), c.exit(), null, badAnswers);
        }
        for (Case c : withJunkSecrets) {
            problems(c.what() + " (junk secret file)", run(c), c.exit(), null, badAnswers);
        }
        assertThat(junkSecret).hasBinaryContent(Files.readAllBytes(junk));
        // a junk profile last: it breaks the project for the commands after it
        Files.write(mono.resolve(".ai-lab/profile.yaml"), Files.readAllBytes(junk));
        for (Case c : List.of(bad("ai-lab", 2, "project", "status", mono.toString()), bad("ai-lab", 2, "project", "update", mono.toString()),
                bad("ai-lab", 2, "service", "add", "auth", mono.toString()))) {
            problems(c.what() + " (junk profile)", run(c), c.exit(), null, badAnswers);
        }
        assertThat(badAnswers).as("second-wave answers that are not for people or not the documented exit code").isEmpty();
    }

    // ------------------------------------------------------------------ a store that is not a database

    @ParameterizedTest
    @ValueSource(strings = {"env", "config"})
    void aStoreThatIsNotADatabaseIsWordedForPeopleByEveryHubCommand(String how) throws Exception {
        Path text = Files.writeString(home.resolve("notes.db"), "these are my notes, not a database\n".repeat(50));
        Path config = Files.writeString(home.resolve("store.yaml"), "store:\n  url: jdbc:sqlite:" + text + "\n");
        List<String> bad = new ArrayList<>();
        int cases = 0;
        for (CommandLine cl : leaves("ai-lab")) {
            String group = path(cl).get(0);
            if (!List.of("work", "idea", "session", "project", "db").contains(group)) {
                continue;
            }
            List<String> args = new ArrayList<>(path(cl));
            if (how.equals("config")) {
                args.addAll(List.of("--config", config.toString()));
            }
            args.addAll(required(cl.getCommandSpec(), null));
            CliHarness cli = front("ai-lab");
            if (how.equals("env")) {
                cli.env("AI_LAB_DB_URL", "jdbc:sqlite:" + text);
            }
            CliHarness.Result r = cli.run(args.toArray(String[]::new));
            cases++;
            problems("ai-lab " + String.join(" ", args), r, -1, null, bad);
            if (r.exitCode() == 1 && !r.err().contains("not an SQLite database")) {
                bad.add("ai-lab " + String.join(" ", args) + ": does not say the store is not a database\n" + r);
            }
        }
        assertThat(bad).as("hub commands on a store that is not a database").isEmpty();
        assertThat(cases).isGreaterThan(25);
        assertThat(text).content().startsWith("these are my notes"); // and nothing was written over it
    }

    // ------------------------------------------------------------------ the ai-config library

    @ParameterizedTest
    @ValueSource(strings = {"git", "jgit"})
    void aBrokenLibraryCheckoutIsWordedForPeopleByEveryLibraryCommand(String backend) throws Exception {
        String url = upstream();
        CliHarness.Result init = front("ai-config").env("AI_CONFIG_GIT", backend).run("init", url);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        Path library = home.resolve(".local/share/ai-config/library");
        Files.delete(library.resolve(".git/HEAD"));
        List<String> bad = new ArrayList<>();
        for (CommandLine cl : leaves("ai-config")) {
            List<String> args = new ArrayList<>(path(cl));
            if (!List.of("library", "health", "init").contains(args.get(0))) {
                continue;
            }
            args.addAll(required(cl.getCommandSpec(), null));
            if (args.get(0).equals("health")) {
                args.add("--offline");
            }
            CliHarness.Result r = front("ai-config").env("AI_CONFIG_GIT", backend).run(args.toArray(String[]::new));
            if (args.get(0).equals("health")) {
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
                assertThat(r.out()).contains("git repository valid").contains("move library/ away");
                problems("ai-config health", r, 1, null, bad);
            } else {
                problems("ai-config " + String.join(" ", args), r, -1, null, bad);
            }
        }
        assertThat(bad).as("library commands on a broken checkout").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"git", "jgit"})
    void anUnreachableLibraryRemoteSaysWhatWasTriedAndWhatToCheck(String backend) throws Exception {
        String url = upstream();
        assertThat(front("ai-config").env("AI_CONFIG_GIT", backend).run("init", url).exitCode()).isZero();
        Path library = home.resolve(".local/share/ai-config/library");
        Path gone = home.resolve("moved-away.git");
        try (Git git = Git.open(library.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", gone.toUri().toString());
            config.save();
        }
        List<String> bad = new ArrayList<>();
        CliHarness.Result update = front("ai-config").env("AI_CONFIG_GIT", backend).run("library", "update");
        problems("ai-config library update", update, 3, null, bad);
        assertThat(update.err()).as(update.toString()).contains("cannot reach").contains("there is no git repository at")
                .contains("tried: fetching branch main over the local file system")
                .contains("hint: check that " + gone).contains("exists and is a git repository");

        CliHarness.Result refused = front("ai-config").env("AI_CONFIG_GIT", backend)
                .run("init", "https://127.0.0.1:1/team/library.git", "--home", home.resolve("other").toString());
        problems("ai-config init https://127.0.0.1:1/...", refused, 3, null, bad);
        assertThat(refused.err()).as(refused.toString()).contains("nothing answers at 127.0.0.1:1")
                .contains("tried: cloning").contains("over HTTPS").contains("network");
        assertThat(bad).isEmpty();
    }

    // ------------------------------------------------------------------ the cluster-name hint

    @Test
    void theHintForATooLongClusterNameProposesANameThatFits() throws Exception {
        String name = "My_Very_Long_Production_Cluster_Name_For_The_GPU_Lab_In_Berlin";
        for (String value : List.of(name, name.toLowerCase().replace('_', '-'))) {
            Path config = Files.writeString(home.resolve("vw.yaml"), "project_name: homelab\nenvironment: development\n"
                    + "clusters:\n  - name: " + value + "\n    domain: lab.example.com\n    size: minimal\n", StandardCharsets.UTF_8);
            CliHarness.Result r = front("vectorweight").run("validate", "--config", config.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            var proposal = Pattern.compile("try '([^']+)'").matcher(r.err());
            assertThat(proposal.find()).as(r.toString()).isTrue();
            String fits = proposal.group(1);
            assertThat(fits).hasSizeLessThanOrEqualTo(40).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").contains("prod").contains("gpu");
            Files.writeString(config, Files.readString(config).replace(value, fits));
            CliHarness.Result again = front("vectorweight").run("validate", "--config", config.toString());
            assertThat(again.exitCode()).as("the proposed name passes: " + again).isZero();
        }
    }

    // ------------------------------------------------------------------ helpers

    private void check(String front, List<String> args, int expectedExit, List<String> bad, String value) {
        CliHarness.Result r = front(front).run(args.toArray(String[]::new));
        problems(front + " " + String.join(" ", args), r, expectedExit, value, bad);
    }

    /** Adds to {@code bad} what is wrong with the answer to one bad input. */
    static void problems(String what, CliHarness.Result r, int expectedExit, String value, List<String> bad) {
        String text = r.out() + r.err();
        for (Map.Entry<Pattern, String> f : FORBIDDEN.entrySet()) {
            if (f.getKey().matcher(text).find()) {
                bad.add(what + ": shows " + f.getValue() + "\n" + r);
            }
        }
        if (r.exitCode() == 4) {
            bad.add(what + ": an internal error\n" + r);
        } else if (expectedExit >= 0 && r.exitCode() != expectedExit) {
            bad.add(what + ": exit " + r.exitCode() + ", expected " + expectedExit + "\n" + r);
        }
        if (r.exitCode() != 0 && !r.err().contains("hint:")) {
            bad.add(what + ": no hint\n" + r);
        }
        if (value != null && !r.err().contains("'" + value + "'")) {
            bad.add(what + ": does not say which value is wrong\n" + r);
        }
    }

    private static List<String> wrongValues(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == BigInteger.class) {
            return List.of("abc", "1.5", "99999999999999999999");
        }
        if (type == double.class || type == Double.class || type == BigDecimal.class) {
            return List.of("abc", "1,5");
        }
        if (type.isEnum()) {
            return List.of("nope");
        }
        if (type == Map.class) {
            return List.of("no-equals-sign");
        }
        return List.of();
    }

    private static boolean isFileArgument(ArgSpec arg) {
        Class<?> type = elementType(arg);
        String label = arg.paramLabel();
        return java.nio.file.Path.class.isAssignableFrom(type)
                || type == String.class && List.of("FILE", "PATH", "DIR", "KEYFILE", "PARENT").contains(label);
    }

    /** Values for the required parameters and options of {@code spec}, except {@code skip}. */
    private static List<String> required(CommandSpec spec, ArgSpec skip) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.required() && o != skip) {
                out.add(o.longestName());
                out.add(sample(o));
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.required() && p != skip) {
                out.add(sample(p));
            }
        }
        return out;
    }

    private static String sample(ArgSpec arg) {
        return switch (arg.paramLabel()) {
            case "ID", "N", "VERSION" -> "1";
            case "AGENT", "NAME" -> "claude";
            case "SHELL" -> "bash";
            case "FILE", "OLD.yaml", "BACKUP" -> "missing-file";
            case "KEY" -> "store.url";
            default -> "x";
        };
    }

    private static Class<?> elementType(ArgSpec arg) {
        Class<?>[] aux = arg.auxiliaryTypes();
        if (arg.type() == Map.class && aux.length > 0) {
            return Map.class;
        }
        if (arg.isMultiValue() && !arg.type().isArray() && aux.length > 0) {
            return aux[aux.length - 1];
        }
        return arg.type().isArray() ? arg.type().getComponentType() : arg.type();
    }

    /** The subcommand words of {@code cl}: {@code [work, list]} for {@code ai-lab work list}. */
    private static List<String> path(CommandLine cl) {
        List<String> words = new ArrayList<>(Arrays.asList(cl.getCommandSpec().qualifiedName().split(" ")));
        return words.subList(1, words.size());
    }

    /** Every command of {@code front} that runs (no group), once each. */
    private static List<CommandLine> leaves(String front) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        CommandLine root = CommandLineFactory.create(FRONTS.get(front).get(), RunContext.system(), sink, sink);
        return HelpExamplesTest.commands(root).stream()
                .filter(cl -> cl.getSubcommands().isEmpty() && cl.getCommandSpec().parent() != null)
                .toList();
    }

    /** A bare library repository with one commit, as a file:// URL. */
    private String upstream() throws Exception {
        Path bare = home.resolve("upstream.git");
        Path work = home.resolve("author");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git author = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call()) {
            author.checkout().setOrphan(true).setName("main").call();
            Files.writeString(work.resolve("library.yaml"), "name: team\nformat: 1\n");
            Files.createDirectories(work.resolve("prompts"));
            Files.writeString(work.resolve("prompts/review.md"), "Review the change.\n");
            author.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Author", "author@example.org");
            author.commit().setMessage("first").setAuthor(who).setCommitter(who).call();
            author.push().setRemote("origin").add("main").call();
        }
        return bare.toUri().toString();
    }
}
