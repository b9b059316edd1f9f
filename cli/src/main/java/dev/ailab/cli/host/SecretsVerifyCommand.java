package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.TextTable;
import dev.ailab.deployment.secrets.SecretCheck;
import dev.ailab.deployment.secrets.SecretStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code secrets verify [AGENT]}: exists, permissions right, decrypts. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check each configured agent's secret, or only AGENT's.",
                       "A secret is fine when its file exists, its mode is 0600 and it decrypts with the host identity "
                               + "to a non-empty value. Values are never shown. --fix sets loose modes (of the secrets and "
                               + "the identity) to 0600."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab secrets verify", "  ai-lab secrets verify claude", "  ai-lab secrets verify --fix",
                  "%nExit codes: 0 every secret is fine, 1 a secret is missing, does not decrypt or has loose "
                          + "permissions, or the identity is missing."})
public class SecretsVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "AGENT", arity = "0..1", description = "Only this agent (default: every configured and stored agent).")
    String agent;

    @Option(names = "--fix", description = "Set loose file modes to 0600.")
    boolean fix;

    @Option(names = {"-i", "--identity"}, paramLabel = "FILE", description = "Decrypt with this identity file instead of the host's.")
    Path identity;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        SecretStore store = host.secrets();
        Set<String> agents = new TreeSet<>();
        if (agent != null) {
            agents.add(agent);
        } else {
            agents.addAll(host.layout.agents());
            agents.addAll(store.storedAgents());
        }
        List<SecretCheck> checks = store.verify(agents, fix, identity == null ? null : host.resolve(identity.toString()));
        boolean ok = checks.stream().allMatch(SecretCheck::ok);
        if (output.json()) {
            java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("ok", ok);
            result.put("secrets", checks);
            JsonOutput.write(host.out, result);
        } else {
            TextTable table = new TextTable("AGENT", "STATUS", "DETAIL");
            for (SecretCheck c : checks) {
                table.row(c.agent(), c.status().name().replace('_', '-'), c.message());
            }
            table.print(host.out, TextTable.terminalWidth(host.run.env()));
            if (checks.isEmpty()) {
                host.out.println("no secrets to check");
            }
            host.out.flush();
        }
        return ok ? 0 : 1;
    }
}
