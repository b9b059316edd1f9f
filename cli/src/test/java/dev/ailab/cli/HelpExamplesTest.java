package dev.ailab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ailab.cli.aiconfig.AiConfigCommand;
import dev.ailab.cli.vectorweight.VectorweightCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command of every front documents itself: --help works and shows at least one example. */
class HelpExamplesTest {
    @Test
    void everyCommandHasHelpWithAnExample() {
        List<String> missing = new ArrayList<>();
        for (RootCommand root : new RootCommand[] {new AiLabCommand(), new VectorweightCommand(), new AiConfigCommand()}) {
            java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
            walk(CommandLineFactory.create(root, RunContext.system(), sink, sink), missing);
        }
        assertThat(missing).as("commands whose --help shows no example").isEmpty();
    }

    private static void walk(CommandLine cl, List<String> missing) {
        String usage = cl.getUsageMessage();
        if (!cl.getCommandSpec().mixinStandardHelpOptions()) {
            missing.add(cl.getCommandSpec().qualifiedName() + " (no --help)");
        } else if (cl.getCommandSpec().parent() != null && !usage.contains("Example")) {
            missing.add(cl.getCommandSpec().qualifiedName());
        }
        cl.getSubcommands().values().forEach(sub -> walk(sub, missing));
    }
}
