package dev.ailab.cli;

import dev.ailab.cli.aiconfig.AiConfigCommand;
import dev.ailab.cli.vectorweight.VectorweightCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The three fronts, named once: the man pages and every test that holds all commands to the
 * same rules walk this list, so a fourth front cannot be left out of one of them.
 */
public final class Fronts {
    private Fronts() {
    }

    /** Each front's command name and a maker of a fresh root command. */
    public static Map<String, Supplier<RootCommand>> byName() {
        Map<String, Supplier<RootCommand>> fronts = new LinkedHashMap<>();
        fronts.put("ai-lab", AiLabCommand::new);
        fronts.put("vectorweight", VectorweightCommand::new);
        fronts.put("ai-config", AiConfigCommand::new);
        return fronts;
    }

    /** A fresh root command of each front. */
    public static List<RootCommand> all() {
        return byName().values().stream().map(Supplier::get).toList();
    }
}
