package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.core.error.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code secrets get AGENT}: the plaintext on stdout, only into a pipe or file unless --reveal. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Decrypt an agent's secret to standard output.",
                       "Refuses when standard output is a terminal, unless --reveal is given. Nothing is written when "
                               + "the file does not decrypt."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab secrets get claude | podman secret create claude-key -",
                  "  ai-lab secrets get grok --reveal",
                  "%nExit codes: 0 written, 1 missing secret, wrong identity or damaged file, 2 terminal without --reveal"})
public class SecretsGetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;

    @Parameters(paramLabel = "AGENT", description = "Agent name.")
    String agent;

    @Option(names = "--reveal", description = "Print to a terminal too.")
    boolean reveal;

    @Option(names = {"-i", "--identity"}, paramLabel = "FILE", description = "Decrypt with this identity file instead of the host's.")
    Path identity;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        if (host.run.interactive() && !reveal) {
            throw new InvalidInputException("refusing to print the secret of " + agent + " to a terminal",
                    "pipe it into the program that needs it, or add --reveal");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        host.secrets().get(agent, bytes, identity == null ? null : host.resolve(identity.toString()));
        host.out.print(bytes.toString(StandardCharsets.UTF_8));
        host.out.flush();
        int n = bytes.size();
        bytes.reset();
        bytes.write(new byte[n], 0, n);
        return 0;
    }
}
