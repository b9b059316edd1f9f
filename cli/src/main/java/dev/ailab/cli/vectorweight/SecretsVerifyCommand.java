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

/** {@code vectorweight secrets verify}: every file decrypts, its MAC checks, its recipients are the config's. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check that every Secret decrypts for an identity, its MAC holds, and it has its cluster's recipients.",
                "The identity comes from --identity FILE or SOPS_AGE_KEY_FILE, never from an argument."},
        footerHeading = "%nExamples:%n",
        footer = {"  vectorweight secrets verify -c vw.yaml --identity ~/.config/sops/age/keys.txt",
                  "  SOPS_AGE_KEY_FILE=key.txt vectorweight secrets verify -c vw.yaml -o json",
                  "%nExit codes: 0 every file is fine, 1 a file failed, 2 no identity or a bad identity file"})
public class SecretsVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SecretsOptions options;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        ClusterSecrets secrets = options.secrets(spec);
        List<ClusterSecrets.Check> checks = secrets.verify(options.identity(spec, true));
        boolean ok = checks.stream().allMatch(ClusterSecrets.Check::ok);
        if (output.json()) {
            List<Object> rows = new ArrayList<>();
            for (ClusterSecrets.Check c : checks) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", c.path());
                m.put("ok", c.ok());
                m.put("problem", c.problem());
                rows.add(m);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ok", ok);
            result.put("secrets", rows);
            JsonOutput.write(spec.commandLine().getOut(), result);
        } else {
            for (ClusterSecrets.Check c : checks) {
                spec.commandLine().getOut().println((c.ok() ? "ok      " : "FAILED  ") + c.path() + (c.ok() ? "" : ": " + c.problem()));
            }
            spec.commandLine().getOut().println(checks.isEmpty() ? "no secrets to verify"
                    : ok ? "all " + checks.size() + " secrets verified" : "some secrets failed");
        }
        spec.commandLine().getOut().flush();
        if (!ok) {
            spec.commandLine().getErr().println("hint: restore a failed file from git, re-encrypt it with 'vectorweight secrets rotate',"
                    + " or move a file that is not a Secret out of the secrets folder");
            spec.commandLine().getErr().flush();
        }
        return ok ? 0 : 1;
    }
}
