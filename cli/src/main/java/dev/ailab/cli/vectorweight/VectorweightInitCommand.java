package dev.ailab.cli.vectorweight;

import dev.ailab.cli.RootCommand;
import dev.ailab.cli.RunContext;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.AtomicFiles;
import dev.ailab.generators.vectorweight.StarterTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vectorweight init}: writes a commented starter config. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented starter config from a template.",
        footerHeading = "%nExamples:%n",
        footer = {"  vectorweight init --template minimal --file homelab.yaml",
                  "  vectorweight init --template production_full --file - | less"})
public class VectorweightInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--template"}, paramLabel = "NAME", defaultValue = StarterTemplates.DEFAULT,
            completionCandidates = TemplateNames.class,
            description = "Template: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--file", paramLabel = "FILE", defaultValue = "vectorweight.yaml",
            description = "File to write, or - for standard output (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = {"-f", "--force"}, description = "Overwrite the file if it exists.")
    boolean force;

    /** Template names for completion and help. */
    static class TemplateNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return StarterTemplates.NAMES.iterator();
        }
    }

    @Override
    public Integer call() {
        if (!StarterTemplates.NAMES.contains(template)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown template '" + template + "'; choose one of " + String.join(", ", StarterTemplates.NAMES));
        }
        String text = StarterTemplates.text(template);
        if (output.equals("-")) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return 0;
        }
        RunContext context = RootCommand.contextOf(spec);
        Path file = context.resolve(output);
        if (Files.exists(file) && !force) {
            throw new OperationFailedException(file + " already exists", "choose another --file, or add --force to overwrite it");
        }
        AtomicFiles.writeString(file, text);
        spec.commandLine().getOut().println("wrote " + file + " (template " + template + ")");
        spec.commandLine().getErr().println("next: vectorweight validate --config " + output);
        return 0;
    }
}
