package dev.ailab.cli.vectorweight;

import dev.ailab.core.config.ConfigSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vectorweight schema}: prints the JSON Schema of the config. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of the config (for editors: completion and checks).",
        footerHeading = "%nExample:%n",
        footer = {"  vectorweight schema > toolkit-config.schema.json"})
public class SchemaShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String text = ConfigSchema.text();
        spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
