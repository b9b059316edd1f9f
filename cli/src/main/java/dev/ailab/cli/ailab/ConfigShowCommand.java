package dev.ailab.cli.ailab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ailab.cli.ConfigMixin;
import dev.ailab.cli.JsonOutput;
import dev.ailab.cli.OutputMixin;
import dev.ailab.core.config.ConfigMapper;
import dev.ailab.core.config.ConfigYaml;
import dev.ailab.core.config.LoadedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the effective configuration after every layer, optionally with where each value came from. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print the effective configuration after every layer.",
                "%nLayers, later wins: built-in defaults < user config < project config < --config FILE"
                        + " < environment variables. Text output is YAML that can be saved as a config file."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab config show",
                  "  ai-lab config show --origin           # where each value came from",
                  "  ai-lab config show store.url          # one value, for scripts",
                  "  ai-lab config show --output json | jq -r .store.url"})
public class ConfigShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Parameters(arity = "0..1", paramLabel = "KEY",
            description = "Print only this key: a dotted path such as store.url, clusters[0].name or github.")
    String key;

    @Option(names = "--origin", description = "Show where each value came from: FILE:LINE:COLUMN, env VARIABLE, command line or default.")
    boolean origin;

    @Override
    public Integer call() {
        LoadedConfig loaded = config.load();
        JsonNode tree = ConfigYaml.redacted(ConfigYaml.tree(loaded.config()));
        PrintWriter out = spec.commandLine().getOut();
        if (key != null) {
            return showKey(out, tree, loaded);
        }
        if (output.json()) {
            if (origin) {
                ObjectNode doc = ConfigMapper.json().createObjectNode();
                doc.set("config", tree);
                ObjectNode origins = doc.putObject("origins");
                loaded.origins().forEach(origins::put);
                var files = doc.putArray("files");
                loaded.files().forEach(f -> files.add(f.toString()));
                JsonOutput.write(out, doc);
            } else {
                JsonOutput.write(out, tree);
            }
            return 0;
        }
        if (origin) {
            out.println("# layers, later wins: default < user < project < --config < environment < command line");
            if (loaded.files().isEmpty()) {
                out.println("# no config file was read");
            }
            for (Path file : loaded.files()) {
                out.println("# read: " + file);
            }
            out.print(ConfigYaml.write(tree, loaded.origins()::get));
        } else {
            out.print(ConfigYaml.write(tree));
        }
        out.flush();
        return 0;
    }

    private int showKey(PrintWriter out, JsonNode tree, LoadedConfig loaded) {
        JsonNode value = ConfigYaml.at(tree, key);
        if (value.isMissingNode() || value.isNull()) {
            spec.commandLine().getErr().println(key + " is not set");
            spec.commandLine().getErr().flush();
            return dev.ailab.core.error.ExitCodes.FAILED;
        }
        if (output.json()) {
            if (origin) {
                ObjectNode doc = ConfigMapper.json().createObjectNode();
                doc.set("value", value);
                String from = loaded.origins().get(key);
                if (from != null) {
                    doc.put("origin", from);
                }
                JsonOutput.write(out, doc);
            } else {
                JsonOutput.write(out, value);
            }
            return 0;
        }
        if (origin) {
            String from = loaded.origins().get(key);
            if (from != null) {
                out.println("# " + from);
            } else {
                loaded.origins().forEach((k, v) -> {
                    if (k.startsWith(key + ".") || k.startsWith(key + "[")) {
                        out.println("# " + k + ": " + v);
                    }
                });
            }
        }
        out.print(ConfigYaml.plain(value));
        out.flush();
        return 0;
    }
}
