package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.generators.vectorweight.ClusterSecrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vectorweight secrets rotate}: re-encrypt every Secret for the config's current recipients, all or nothing. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Re-encrypt every Secret for its cluster's current recipients, all or nothing.",
                "Every file is decrypted (with --identity or SOPS_AGE_KEY_FILE) and re-encrypted with a new data key in "
                        + "memory first; files are written only when all of them succeeded."},
        footerHeading = "%nExamples:%n",
        footer = {"  vectorweight secrets rotate -c vw.yaml --identity ~/.config/sops/age/keys.txt",
                  "%nExit codes: 0 rotated, 2 no identity, or a file that does not decrypt (nothing written)"})
public class SecretsRotateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SecretsOptions options;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        ClusterSecrets secrets = options.secrets(spec);
        List<ClusterSecrets.Entry> done = secrets.rotate(options.identity(spec, true), Instant.now());
        if (output.json()) {
            List<Object> rows = new ArrayList<>();
            done.forEach(e -> rows.add(SecretsListCommand.json(e)));
            JsonOutput.write(spec.commandLine().getOut(), Map.of("rotated", rows));
        } else {
            done.forEach(e -> spec.commandLine().getOut().println("re-encrypted " + e.path() + " for " + e.recipients().size() + " recipients"));
            spec.commandLine().getOut().println(done.isEmpty() ? "no secrets to rotate" : "rotated " + done.size() + " secrets");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
