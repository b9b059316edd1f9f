package dev.ailab.cli.vectorweight;

import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.generators.vectorweight.ClusterSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vectorweight secrets list}: every Secret file, its keys and recipients, without decrypting. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the SOPS-encrypted Secrets of every cluster: keys and recipients, never values.",
                "Reads the files without decrypting them, so no identity is needed."},
        footerHeading = "%nExamples:%n",
        footer = {"  vectorweight secrets list -c vw.yaml", "  vectorweight secrets list -c vw.yaml -o json"})
public class SecretsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SecretsOptions options;

    @Mixin
    OutputMixin output;

    static Map<String, Object> json(ClusterSecrets.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", e.cluster());
        m.put("name", e.name());
        m.put("namespace", e.namespace());
        m.put("file", e.path());
        m.put("keys", e.keys());
        m.put("recipients", e.recipients());
        return m;
    }

    @Override
    public Integer call() {
        List<ClusterSecrets.Entry> entries = options.secrets(spec).list();
        if (output.json()) {
            List<Object> rows = new ArrayList<>();
            entries.forEach(e -> rows.add(json(e)));
            JsonOutput.write(spec.commandLine().getOut(), Map.of("secrets", rows));
        } else if (entries.isEmpty()) {
            spec.commandLine().getOut().println("no secrets yet (add one with 'vectorweight secrets set')");
        } else {
            for (ClusterSecrets.Entry e : entries) {
                spec.commandLine().getOut().println(e.cluster() + "  " + e.namespace() + "/" + e.name() + "  keys: "
                        + String.join(", ", e.keys()) + "  recipients: " + e.recipients().size() + "  " + e.path());
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
