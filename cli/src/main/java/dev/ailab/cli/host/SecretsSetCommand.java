package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.deployment.secrets.SecretInfo;
import java.io.ByteArrayInputStream;
import java.io.Console;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code secrets set AGENT}: encrypts standard input into {@code <agent>.age}. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Encrypt an agent's secret, read from standard input only, to the host's recipients.",
                       "The secret is encrypted to the host identity and any --recipient, and written to "
                               + "<secrets_dir>/<agent>.age atomically with mode 0600. At a terminal the secret is read "
                               + "without echo. One trailing newline is dropped. The secret is never taken from arguments "
                               + "or the environment."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab secrets set claude < ~/claude.key",
                  "  pass show api/grok | ai-lab secrets set grok",
                  "  ai-lab secrets set gemini --recipient age1... --armor  # for an admin key too",
                  "  ai-lab secrets set claude --force < ~/new.key  # replace the stored one",
                  "%nExit codes: 0 stored, 1 no identity (run 'secrets init') or a secret exists (without --force), 2 empty secret or bad name/recipient"})
public class SecretsSetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "AGENT", description = "Agent name (lower-case letters, digits, '-', '_', '.').")
    String agent;

    @Option(names = {"-r", "--recipient"}, paramLabel = "AGE1...", description = "Extra age recipient for this secret (repeatable).")
    List<String> recipients = new ArrayList<>();

    @Option(names = "--armor", description = "Write the armored (PEM-like text) age format instead of binary.")
    boolean armor;

    @Option(names = {"-f", "--force"}, description = "Replace an existing secret (a terminal asks instead).")
    boolean force;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        SecretInfo info;
        Console console = host.run.interactive() ? System.console() : null;
        boolean replace = force;
        if (!force && console != null && host.secrets().exists(agent)) {
            String answer = console.readLine("A secret for %s exists. Replace it? [y/N] ", agent);
            if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                host.err.println("kept the existing secret for " + agent);
                return 1;
            }
            replace = true;
        }
        if (console != null) {
            char[] typed = console.readPassword("Secret for %s (input hidden): ", agent);
            if (typed == null) {
                throw new InvalidInputException("no secret was entered", "type or pipe the secret in");
            }
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(typed));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            Arrays.fill(typed, '\0');
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                info = host.secrets().set(agent, in, recipients, armor, replace);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } else {
            info = host.secrets().set(agent, host.run.stdin(), recipients, armor, replace);
        }
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agent", info.agent());
            m.put("file", info.file());
            m.put("size", info.size());
            m.put("mode", info.mode());
            m.put("armored", info.armored());
            JsonOutput.write(host.out, m);
        } else {
            host.out.println("stored secret for " + info.agent() + " in " + info.file() + " (" + info.size() + " bytes encrypted, mode " + info.mode() + ")");
            host.out.flush();
        }
        return 0;
    }
}
