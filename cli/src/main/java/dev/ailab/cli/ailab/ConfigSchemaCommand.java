package dev.ailab.cli.ailab;

import dev.ailab.core.config.ConfigSchema;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the JSON Schema of the configuration, for editors and other tools. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft 2020-12) of the configuration.",
                "%nEditors with a YAML language server complete and check a config file whose first line is"
                        + " '# yaml-language-server: $$schema=PATH-OR-URL'."},
        footerHeading = "%nExamples:%n",
        footer = {"  ai-lab config schema > toolkit-config.schema.json",
                  "  ai-lab config schema | jq '.properties | keys'"})
public class ConfigSchemaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        String text = ConfigSchema.text();
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }
}
