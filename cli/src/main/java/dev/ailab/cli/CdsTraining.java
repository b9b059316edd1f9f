package dev.ailab.cli;

import dev.ailab.cli.aiconfig.AiConfigCommand;
import dev.ailab.cli.vectorweight.VectorweightCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The training run for the launchers' class-data-sharing archive. Instead of archiving whatever
 * command a user happens to run first, the launcher runs this once: it drives the common paths
 * of all three fronts (command model, logging, config load and schema check, templates, the
 * work-item store) in a throw-away home, so every later command starts from a warm archive.
 * Git is left out on purpose: archiving JGit's lambda proxies crashed the JDK 17 VM at exit.
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
            run(VectorweightCommand::new, home, "init", "--template", "minimal", "--output", config.toString());
            run(VectorweightCommand::new, home, "validate", "--config", config.toString());
            run(VectorweightCommand::new, home, "generate", "--config", config.toString(),
                    "--output", home.resolve("out").toString());
            run(AiLabCommand::new, home, "create-project", "cds-demo", "--defaults", "--dir", home.toString());
            run(AiLabCommand::new, home, "work", "add", "warm up", "--label", "cds");
            run(AiLabCommand::new, home, "work", "list");
            run(AiLabCommand::new, home, "work", "list", "--output", "json");
            run(AiLabCommand::new, home, "deploy", "status");
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Supplier<RootCommand> root, Path home, String... args) {
        Map<String, String> env = Map.of(
                "HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_STATE_HOME", home.resolve("state").toString(),
                "XDG_CACHE_HOME", System.getenv().getOrDefault("XDG_CACHE_HOME",
                        System.getProperty("user.home") + "/.cache"),
                "AI_LAB_DEPLOY_DIR", home.resolve("host").toString(),
                "PATH", "/nonexistent");
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        try {
            RunContext context = new RunContext(env, home, InputStream.nullInputStream(), false);
            CommandLineFactory.create(root.get(), context, sink, sink, args).execute(args);
        } catch (RuntimeException | LinkageError ignored) {
            // Training is best effort: a failing path is simply not archived.
        }
    }
}
