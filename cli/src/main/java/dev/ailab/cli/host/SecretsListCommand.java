package dev.ailab.cli.host;

import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.cli.TextTable;
import dev.ailab.deployment.secrets.SecretInfo;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code secrets list}: names, sizes and dates, never values. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the stored secrets: agent, size, date, mode, format. Never values; nothing is decrypted.",
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab secrets list", "  ai-lab secrets list --output json | jq -r '.[].agent'"})
public class SecretsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigMixin config;
    @Mixin
    OutputMixin output;

    @Override
    public Integer call() {
        HostContext host = HostContext.of(spec, config);
        List<SecretInfo> secrets = host.secrets().list();
        if (output.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SecretInfo s : secrets) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("agent", s.agent());
                m.put("file", s.file());
                m.put("size", s.size());
                m.put("modified", s.modified().truncatedTo(ChronoUnit.SECONDS).toString());
                m.put("mode", s.mode());
                m.put("armored", s.armored());
                m.put("configured", host.layout.agents().contains(s.agent()));
                rows.add(m);
            }
            JsonOutput.write(host.out, rows);
            return 0;
        }
        if (secrets.isEmpty()) {
            host.out.println("no secrets in " + host.layout.secretsDir());
            host.out.flush();
            return 0;
        }
        TextTable table = new TextTable("AGENT", "SIZE", "MODIFIED", "MODE", "FORMAT");
        for (SecretInfo s : secrets) {
            table.row(s.agent(), HostContext.size(s.size()), s.modified().truncatedTo(ChronoUnit.SECONDS), s.mode(),
                    s.armored() ? "armored" : "binary");
        }
        table.print(host.out, TextTable.terminalWidth(host.run.env()));
        return 0;
    }
}
