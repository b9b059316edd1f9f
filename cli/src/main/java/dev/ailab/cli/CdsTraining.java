package dev.ailab.cli;

import dev.ailab.cli.aiconfig.AiConfigCommand;
import dev.ailab.core.io.FileTrees;
import dev.ailab.cli.vectorweight.VectorweightCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The training run for the launchers' class-data-sharing archive. Instead of archiving whatever
 * command a user happens to run first, {@code bin/cds-train.sh} runs this once in the background
 * (started by the launcher when an archive is missing): it drives the common paths of all three
 * fronts (command model, logging, config load and schema check, templates, the work-item store,
 * secrets and backups, the library and its git work) in a throw-away home, so every later
 * command starts from a warm archive. Nothing of the user's is read or written: the commands see
 * only the throw-away home and its XDG folders (the cache too), and the script starts this JVM
 * with HOME, the XDG variables and {@code user.home} pointing at another throw-away folder.
 * Classes a command needs that were not loaded here come from the jars, and finding one searches
 * the jars in class-path order.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("ai-lab-cds-");
        try {
            Path config = home.resolve("vw.yaml");
            run(AiLabCommand::new, home, "--help");
            run(AiLabCommand::new, home, "--version");
            run(VectorweightCommand::new, home, "--help");
            run(AiConfigCommand::new, home, "--help");
            run(AiLabCommand::new, home, "config", "show");
            run(VectorweightCommand::new, home, "init", "--template", "minimal", "--file", config.toString());
            run(VectorweightCommand::new, home, "validate", "--config", config.toString());
            run(VectorweightCommand::new, home, "generate", "--config", config.toString(),
                    "--dir", home.resolve("out").toString());
            trainSopsSecrets(home);
            run(AiLabCommand::new, home, "create-project", "cds-demo", "--defaults", "--dir", home.toString());
            run(AiLabCommand::new, home, "project", "update", home.resolve("cds-demo").toString());
            run(AiLabCommand::new, home, "project", "status", home.resolve("cds-demo").toString());
            run(AiLabCommand::new, home, "work", "add", "warm up", "--label", "cds");
            run(AiLabCommand::new, home, "work", "list");
            run(AiLabCommand::new, home, "work", "list", "--output", "json");
            run(AiLabCommand::new, home, "idea", "add", "warm up");
            run(AiLabCommand::new, home, "session", "list");
            run(AiLabCommand::new, home, "db", "info");
            run(AiLabCommand::new, home, "deploy", "status");
            run(AiLabCommand::new, home, "secrets", "init");
            run(AiLabCommand::new, home, "secrets", "set", "trainer");
            run(AiLabCommand::new, home, "secrets", "verify");
            run(AiLabCommand::new, home, "secrets", "list");
            run(AiLabCommand::new, home, "backup", "create", "--include-secrets");
            run(AiLabCommand::new, home, "backup", "list");
            // github-api and the JDK's HTTP client, up to the first request: nothing listens on port 9 of loopback
            run(AiLabCommand::new, home, Map.of("GITHUB_TOKEN", "training-not-a-token", "GITHUB_API_URL",
                    "http://127.0.0.1:9"), "github", "doctor", "--output", "json");
            Path library = home.resolve("library-origin");
            if (makeLibrary(library)) {
                Path aiConfigHome = home.resolve("ai-config");
                run(AiConfigCommand::new, home, "init", library.toUri().toString(), "--home", aiConfigHome.toString());
                run(AiConfigCommand::new, home, "library", "update", "--home", aiConfigHome.toString());
                run(AiConfigCommand::new, home, "library", "list", "--home", aiConfigHome.toString());
                run(AiConfigCommand::new, home, "library", "search", "warm", "--home", aiConfigHome.toString());
                run(AiConfigCommand::new, home, "library", "status", "--home", aiConfigHome.toString());
                run(AiConfigCommand::new, home, "health", "--offline", "--home", aiConfigHome.toString());
            }
        } finally {
            FileTrees.deleteQuietly(home);
        }
    }

    /** A small shared library (a git repository with library.yaml) to clone and read. */
    private static boolean makeLibrary(Path dir) {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("library.yaml"), "name: training\nformat: 1\n");
            Files.createDirectories(dir.resolve("prompts"));
            Files.writeString(dir.resolve("prompts/warm.md"), "# warm up\n");
            git.add().addFilepattern(".").call();
            PersonIdent trainer = new PersonIdent("ai-lab", "ai-lab@localhost");
            git.commit().setMessage("training").setAuthor(trainer).setCommitter(trainer).setSign(false).call();
            return true;
        } catch (IOException | GitAPIException | RuntimeException e) {
            return false;
        }
    }

    /** vectorweight's SOPS secrets: their commands, AES-GCM and the SOPS file code are archived too. */
    private static void trainSopsSecrets(Path home) {
        try {
            dev.ailab.deployment.secrets.AgeIdentity id = dev.ailab.deployment.secrets.AgeIdentity.generate();
            Path key = home.resolve("sops-age.txt");
            Files.writeString(key, id.fileText(java.time.Instant.EPOCH));
            Path config = Files.writeString(home.resolve("vw-sops.yaml"), "project_name: cds-sops\nclusters:\n  - name: lab\n"
                    + "    domain: lab.example.com\n    age_recipients: [" + id.recipient() + "]\n");
            run(VectorweightCommand::new, home, "secrets", "set", "-c", config.toString(), "lab", "trainer", "token");
            run(VectorweightCommand::new, home, "secrets", "verify", "-c", config.toString(), "-i", key.toString());
            run(VectorweightCommand::new, home, "secrets", "list", "-c", config.toString());
        } catch (IOException | RuntimeException e) {
            // best effort, as every training step
        }
    }

    private static void run(Supplier<RootCommand> root, Path home, String... args) {
        run(root, home, Map.of(), args);
    }

    private static void run(Supplier<RootCommand> root, Path home, Map<String, String> extra, String... args) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_STATE_HOME", home.resolve("state").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(),
                "AI_LAB_DEPLOY_DIR", home.resolve("host").toString(),
                "PATH", "/nonexistent"));
        env.putAll(extra);
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        try {
            InputStream stdin = new java.io.ByteArrayInputStream("training secret\n".getBytes(StandardCharsets.UTF_8));
            RunContext context = new RunContext(env, home, stdin, false);
            CommandLineFactory.create(root.get(), context, sink, sink, args).execute(args);
        } catch (RuntimeException | LinkageError ignored) {
            // Training is best effort: a failing path is simply not archived.
        }
    }
}
