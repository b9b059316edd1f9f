package dev.ailab.cli;

import dev.ailab.core.config.LoadedConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --config FILE}: loads the layered config for the command. */
public class ConfigMixin {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Config file, applied over the user and project configs.")
    public Path file;

    /** The effective config; {@code overrides} are dotted keys set by the command's own options. */
    public LoadedConfig load(Map<String, String> overrides) {
        RunContext context = RootCommand.contextOf(spec);
        Path explicit = file == null ? null : context.workingDir().resolve(file);
        return context.configLoader().load(explicit, overrides);
    }

    /** As {@link #load(Map)}, using what fits of broken layers instead of failing (see ConfigLoader#loadLeniently). */
    public LoadedConfig loadLeniently(Map<String, String> overrides) {
        RunContext context = RootCommand.contextOf(spec);
        Path explicit = file == null ? null : context.workingDir().resolve(file);
        return context.configLoader().loadLeniently(explicit, overrides);
    }

    public LoadedConfig load() {
        return load(new LinkedHashMap<>());
    }
}
