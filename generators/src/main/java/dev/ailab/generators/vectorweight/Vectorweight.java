package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.ConfigLoader;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.deployment.state.ApplyResult;
import dev.ailab.deployment.state.FileOps;
import dev.ailab.deployment.state.Plan;
import dev.ailab.deployment.state.StateStore;
import dev.ailab.generators.validate.VectorweightRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The vectorweight workflow over plain files: validate a config, generate the repository in
 * memory, and plan or apply it to an output folder through the {@link StateStore}.
 */
public final class Vectorweight {
    public static final String GENERATOR = "vectorweight";
    public static final String STATE_PATH = ".vectorweight/state.json";

    private final ConfigLoader loader;
    private final VectorweightGenerator generator;
    private final FileOps ops;

    public Vectorweight(ConfigLoader loader) {
        this(loader, new VectorweightGenerator(), FileOps.atomic());
    }

    public Vectorweight(ConfigLoader loader, VectorweightGenerator generator, FileOps ops) {
        this.loader = loader;
        this.generator = generator;
        this.ops = ops;
    }

    /** Reads and checks {@code file}: schema, then every vectorweight rule; all problems at once. */
    public ToolkitConfig validate(Path file) {
        return loader.validateFile(file, VectorweightRules.all());
    }

    /** The default output folder: {@code <project_name>-deployment} next to the working folder. */
    public static Path defaultOutput(Path workingDir, ToolkitConfig config) {
        return workingDir.resolve(config.projectName + "-deployment");
    }

    /** What one plan or generate run found and did. */
    public record Outcome(Path output, Plan plan, ApplyResult applied, List<String> warnings) {
    }

    /** Computes the plan for {@code output} (null: the default folder); writes nothing. */
    public Outcome plan(Path configFile, Path output, Path workingDir) {
        ToolkitConfig config = validate(configFile);
        Path dir = output != null ? output : defaultOutput(workingDir, config);
        GeneratedRepository repo = generator.generate(config);
        StateStore store = store(dir);
        Plan plan = store.plan(GENERATOR, VectorweightGenerator.VERSION, inputHash(configFile), repo.files());
        return new Outcome(dir, plan, null, repo.warnings());
    }

    /** Plans and applies: writes what changed, prunes untouched stale files, keeps conflicts unless {@code force}. */
    public Outcome generate(Path configFile, Path output, Path workingDir, boolean force) {
        Outcome planned = plan(configFile, output, workingDir);
        if (Files.exists(planned.output()) && !Files.isDirectory(planned.output())) {
            throw new OperationFailedException("the output " + planned.output() + " exists and is not a folder",
                    "choose another folder with --output");
        }
        ApplyResult applied = store(planned.output()).apply(planned.plan(), force);
        return new Outcome(planned.output(), planned.plan(), applied, planned.warnings());
    }

    public StateStore store(Path dir) {
        return new StateStore(dir, STATE_PATH, ops);
    }

    /** SHA-256 of the config file's bytes: recorded in the state as its input. */
    public static String inputHash(Path configFile) {
        try {
            return StateStore.sha256(Files.readAllBytes(configFile));
        } catch (IOException e) {
            throw new OperationFailedException("cannot read " + configFile + ": " + e.getMessage(), "check the path");
        }
    }
}
