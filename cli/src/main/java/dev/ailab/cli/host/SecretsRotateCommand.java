package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.error.InvalidInputException;
import dev.ailab.deployment.secrets.RotateResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code secrets rotate}: re-encrypts every secret to a new identity or recipient set. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Re-encrypt every secret to a new host identity and/or a new set of extra recipients.",
                       "--new-identity makes the new identity; --recipient replaces recipients.txt and --no-recipients "
                               + "clears it. All or nothing: every secret is re-encrypted and checked before any file is "
                               + "swapped, and the old files are kept until all swaps succeed. The replaced identity is "
                               + "kept as age/identity-<time>.retired so older backups stay readable."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab secrets rotate --new-identity",
                  "  ai-lab secrets rotate --recipient age1admin... --recipient age1backup...",
                  "%nExit codes: 0 rotated, 1 a secret did not decrypt or no identity (nothing changed), 2 bad recipient"})
public class SecretsRotateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Option(names = "--new-identity", description = "Generate a new host identity and re-encrypt to it.")
    boolean newIdentity;

    @Option(names = {"-r", "--recipient"}, paramLabel = "AGE1...", description = "New extra recipient set (repeatable).")
    List<String> recipients;

    @Option(names = "--no-recipients", description = "Drop every extra recipient.")
    boolean noRecipients;

    @Override
    public Integer call() {
        if (!newIdentity && recipients == null && !noRecipients) {
            throw new InvalidInputException("nothing to rotate to", "give --new-identity, --recipient AGE1... or --no-recipients");
        }
        if (noRecipients && recipients != null) {
            throw new InvalidInputException("--recipient and --no-recipients contradict each other", null);
        }
        HostContext host = HostContext.of(spec, config);
        RotateResult r = host.secrets().rotate(newIdentity, noRecipients ? List.of() : recipients);
        if (output.json()) {
            JsonOutput.write(host.out, r);
        } else {
            host.out.println("re-encrypted " + r.agents().size() + " secrets to " + r.recipients().size() + " recipients");
            host.out.println("host recipient: " + r.recipient());
            if (r.retiredIdentity() != null) {
                host.out.println("previous identity kept as " + r.retiredIdentity() + " (older backups need it)");
            }
            host.out.flush();
        }
        return 0;
    }
}
