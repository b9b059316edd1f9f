package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.RootCommand;
import dev.ailab.generators.vectorweight.ClusterSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vectorweight secrets set CLUSTER NAME KEY}: one value from standard input into a SOPS-encrypted Secret. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Encrypt one value, read from standard input only, into a cluster's Secret.",
                "Writes the Secret NAME with the key KEY in the SOPS format for the cluster's age_recipients and "
                        + "sops.recipients. One trailing newline is dropped. Adding a key to an existing Secret "
                        + "decrypts it first, which needs --identity or SOPS_AGE_KEY_FILE."},
        footerHeading = "%nExamples:%n",
        footer = {"  pass show chroma | vectorweight secrets set -c vw.yaml lab chroma-auth token",
                  "  vectorweight secrets set -c vw.yaml lab git-auth pw -i key.txt < pw.txt",
                  "%nExit codes: 0 stored, 2 bad name, empty value, unknown cluster or a cluster without age_recipients"})
public class SecretsSetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SecretsOptions options;

    @Mixin
    OutputMixin output;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "A cluster of the config.")
    String cluster;

    @Parameters(index = "1", paramLabel = "NAME", description = "Name of the Kubernetes Secret.")
    String name;

    @Parameters(index = "2", paramLabel = "KEY", description = "Key in the Secret's stringData.")
    String key;

    @Option(names = "--namespace", paramLabel = "NAMESPACE",
            description = "Namespace of the Secret (default: the existing Secret's, else " + ClusterSecrets.DEFAULT_NAMESPACE + ").")
    String namespace;

    @Override
    public Integer call() {
        ClusterSecrets secrets = options.secrets(spec);
        byte[] value;
        try {
            value = RootCommand.contextOf(spec).stdin().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = value.length;
        if (n > 0 && value[n - 1] == '\n') {
            n--;
            if (n > 0 && value[n - 1] == '\r') {
                n--;
            }
        }
        byte[] trimmed = Arrays.copyOf(value, n);
        Arrays.fill(value, (byte) 0);
        ClusterSecrets.Entry entry;
        try {
            entry = secrets.set(cluster, name, namespace, key, trimmed, options.identity(spec, false), Instant.now());
        } finally {
            Arrays.fill(trimmed, (byte) 0);
        }
        if (output.json()) {
            JsonOutput.write(spec.commandLine().getOut(), SecretsListCommand.json(entry));
        } else {
            spec.commandLine().getOut().println("stored " + key + " of secret " + entry.name() + " in " + entry.path()
                    + " (encrypted for " + entry.recipients().size() + " recipients)");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
