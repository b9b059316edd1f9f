package dev.ailab.cli.aiconfig;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.core.config.LibraryConfig;
import dev.ailab.core.config.LoadedConfig;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.sources.git.CredentialsFile;
import dev.ailab.sources.git.GitAuth;
import dev.ailab.sources.git.GitProgress;
import dev.ailab.sources.git.GitSources;
import dev.ailab.sources.git.SshKeys;
import dev.ailab.sources.library.AuditLog;
import dev.ailab.sources.library.Library;
import dev.ailab.sources.library.LibraryHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/** What the ai-config commands share: the library from the config, credentials, progress. */
final class AiConfigSupport {
    private AiConfigSupport() {
    }

    /** The loaded config with {@code --home} applied. */
    static LoadedConfig config(ConfigMixin config, HomeOption home, Map<String, String> extra) {
        Map<String, String> overrides = new LinkedHashMap<>(extra);
        if (home != null && home.home != null) {
            overrides.put("library.path", home.home);
        }
        return config.load(overrides);
    }

    static Library library(CommandSpec spec, LoadedConfig loaded) {
        RunContext ctx = RootCommand.contextOf(spec);
        LibraryConfig lc = loaded.config().library;
        Path home = ctx.resolve(lc.path);
        Path personal = lc.personal == null ? null : ctx.resolve(lc.personal);
        Path state = ctx.xdg().stateHome().resolve("ai-config");
        return new Library(LibraryHome.of(home, personal, state), GitSources.detect(ctx.env()), lc.branch,
                AuditLog.standard(state.resolve("audit.jsonl")), Clock.systemUTC());
    }

    static AuditLog audit(CommandSpec spec) {
        RunContext ctx = RootCommand.contextOf(spec);
        return AuditLog.standard(ctx.xdg().stateHome().resolve("ai-config/audit.jsonl"));
    }

    /** Credentials for {@code url}: SSH key (option, then config), token (env var, then credentials file). */
    static GitAuth auth(CommandSpec spec, AuthOptions options, LibraryConfig lc, String url) {
        RunContext ctx = RootCommand.contextOf(spec);
        String keyPath = options != null && options.sshKey != null ? options.sshKey : lc.sshKey;
        Path key = null;
        if (keyPath != null && !keyPath.isBlank()) {
            key = ctx.resolve(keyPath);
            SshKeys.checkReadable(key);
        }
        Path finalKey = key;
        Supplier<char[]> passphrase = key == null ? null : () -> askPassphrase(spec, finalKey);
        String tokenEnv = options != null && options.tokenEnv != null ? options.tokenEnv : lc.tokenEnv;
        Supplier<char[]> token = null;
        String username = "git";
        if (tokenEnv != null && !tokenEnv.isBlank()) {
            String value = ctx.env(tokenEnv);
            if (value == null || value.isBlank()) {
                throw new InvalidInputException("environment variable " + tokenEnv + " (named by --token-env) is not set",
                        "export " + tokenEnv + "=<token> before running, or drop --token-env");
            }
            token = value::toCharArray;
        } else if (url != null) {
            CredentialsFile.Credential fromFile = CredentialsFile.in(ctx.xdg().configHome()).find(url);
            if (fromFile != null) {
                username = fromFile.username();
                String secret = fromFile.token();
                token = secret::toCharArray;
            }
        }
        String home = ctx.env("HOME");
        Path knownHosts = home == null ? null : Path.of(home, ".ssh", "known_hosts");
        if (knownHosts != null) {
            try {
                Files.createDirectories(knownHosts.getParent());
            } catch (IOException ignored) {
                // ssh reports it if it matters
            }
        }
        return new GitAuth(key, passphrase, username, token, knownHosts);
    }

    /** The key's passphrase: from $SSH_ASKPASS when set, else asked on the terminal. */
    static char[] askPassphrase(CommandSpec spec, Path key) {
        RunContext ctx = RootCommand.contextOf(spec);
        String prompt = "Enter passphrase for key '" + key + "': ";
        String askpass = ctx.env("SSH_ASKPASS");
        if (askpass != null && !askpass.isBlank()) {
            try {
                ProcessBuilder pb = new ProcessBuilder(List.of(askpass, prompt));
                pb.environment().clear();
                pb.environment().putAll(ctx.env());
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                pb.redirectError(ProcessBuilder.Redirect.DISCARD);
                Process p = pb.start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new InvalidInputException("the askpass program " + askpass + " gave no passphrase",
                            "check SSH_ASKPASS, or run on a terminal to be asked");
                }
                String s = new String(out, StandardCharsets.UTF_8);
                return s.endsWith("\n") ? s.substring(0, s.length() - 1).toCharArray() : s.toCharArray();
            } catch (IOException e) {
                throw new InvalidInputException("cannot run the askpass program " + askpass + ": " + e.getMessage(),
                        "check SSH_ASKPASS");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidInputException("interrupted while asking for the passphrase");
            }
        }
        if (!ctx.interactive()) {
            throw new InvalidInputException("the SSH key " + key + " has a passphrase and there is no terminal to ask it on",
                    "run on a terminal, or set SSH_ASKPASS to a program that prints the passphrase");
        }
        java.io.Console console = System.console();
        if (console != null && ctx.stdin() == System.in) {
            char[] pw = console.readPassword("%s", prompt);
            if (pw == null) {
                throw new InvalidInputException("no passphrase given");
            }
            return pw;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.print(prompt);
        err.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(ctx.stdin(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new InvalidInputException("no passphrase given");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the passphrase: " + e.getMessage());
        }
    }

    /** Git's progress on the shared progress line (see ProgressOutput: terminal stderr only, never with -q). */
    static final class Progress implements GitProgress, AutoCloseable {
        private final dev.ailab.core.io.Progress line;

        Progress(CommandSpec spec) {
            this.line = dev.ailab.cli.ProgressOutput.of(spec);
        }

        @Override
        public void update(String taskName, long done, long total) {
            line.step(taskName, done, total);
        }

        @Override
        public void close() {
            line.close();
        }
    }

    /** At most {@code max} items, then "... and N more". */
    static void printList(PrintWriter out, String indent, List<String> items, int max) {
        for (int i = 0; i < items.size() && i < max; i++) {
            out.println(indent + items.get(i));
        }
        if (items.size() > max) {
            out.println(indent + "... and " + (items.size() - max) + " more (--output json lists them all)");
        }
    }
}
