package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.deployment.secrets.AgeIdentity;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code secrets init}: creates the host's age identity. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the host's age identity (X25519) with mode 0600 and the secrets folder (0700).",
                       "Refuses to replace an existing identity (use 'secrets rotate --new-identity')."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab secrets init", "  AI_LAB_DEPLOY_DIR=/srv/ai ai-lab secrets init --output json",
                  "%nExit codes: 0 created, 1 an identity already exists (nothing changed)"})
public class SecretsInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        AgeIdentity identity = host.secrets().init();
        if (output.json()) {
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("identity", host.layout.identityFile().toString());
            result.put("recipient", identity.recipient());
            JsonOutput.write(host.out, result);
        } else {
            host.out.println("created age identity " + host.layout.identityFile() + " (mode 0600)");
            host.out.println("recipient: " + identity.recipient());
            host.out.println("next: store each agent's secret, e.g.  ai-lab secrets set claude < claude.key");
            host.out.flush();
        }
        return 0;
    }
}
