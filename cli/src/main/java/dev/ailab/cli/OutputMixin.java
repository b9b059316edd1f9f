package dev.ailab.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json} for every command that reports data. */
public class OutputMixin {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    public OutputFormat format = OutputFormat.text;

    public boolean json() {
        return format == OutputFormat.json;
    }
}
