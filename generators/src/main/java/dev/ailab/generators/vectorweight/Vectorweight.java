package dev.ailab.generators.vectorweight;

import dev.ailab.core.config.ConfigLoader;
import dev.ailab.core.config.ToolkitConfig;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.Sha256;
import dev.ailab.deployment.state.ApplyResult;
import dev.ailab.deployment.state.FileAction;
import dev.ailab.deployment.state.FileChange;
import dev.ailab.deployment.state.FileOps;
import dev.ailab.deployment.state.ManagedState;
import dev.ailab.deployment.state.Plan;
import dev.ailab.deployment.state.StateStore;
import dev.ailab.generators.validate.VectorweightRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The effective config of {@code file} as every front reads it: built-in defaults, the user
     * config, the project's {@code .ai-lab/config.yaml}, then {@code file}, then the environment;
     * each file checked against the schema, then every vectorweight rule on the result; all
     * problems of all layers at once, each naming the layer that set the value.
     */
    public ToolkitConfig validate(Path file) {
        return loader.load(file, Map.of(), VectorweightRules.all()).config();
    }

    /** {@code file} alone, without the other layers (for a config about to be written, such as a migrated one). */
    public ToolkitConfig validateAlone(Path file) {
        return loader.validateFile(file, VectorweightRules.all());
    }

    /**
     * What the generated output depends on besides the generator: the bytes of every config layer
     * that exists and the environment variables that override keys. A change to the user config
     * must defeat the plan's fast path as surely as a change to {@code --config}.
     */
    private String inputHash(byte[] raw, Path configFile, Path output) {
        java.security.MessageDigest d = Sha256.digest();
        // Argo CD's KSOPS generator lists the secret files: a new one must defeat the fast path too
        for (String name : secretFileNames(output)) {
            d.update(("secret " + name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Path layer : loader.existingLayerFiles()) {
            if (!layer.toAbsolutePath().normalize().equals(configFile.toAbsolutePath().normalize())) {
                d.update((layer + "\n").getBytes(StandardCharsets.UTF_8));
                d.update(readConfig(layer));
            }
        }
        new java.util.TreeMap<>(loader.environmentOverrides()).forEach((k, v) ->
                d.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
        String others = Sha256.hex(d);
        // Unchanged for a config with no other layer, so existing state files stay valid.
        return others.equals(Sha256.of(new byte[0])) ? Sha256.of(raw) : Sha256.of(raw) + "+" + others;
    }

    /** As {@link #validate(Path)} (every layer), with more rules after the vectorweight ones (validate --offline-check). */
    public ToolkitConfig validate(Path file, List<dev.ailab.core.config.ConfigRule> more) {
        List<dev.ailab.core.config.ConfigRule> rules = new ArrayList<>(VectorweightRules.all());
        rules.addAll(more);
        return loader.load(file, Map.of(), rules).config();
    }

    /**
     * Whether any config layer of {@code configFile} mentions {@code key} at all (no environment
     * variable sets it): a cheap test that lets {@code generate}'s no-change fast path skip parsing
     * the config when a key such as {@code auto_create_repositories} cannot be on.
     */
    public boolean mayBeSet(Path configFile, String key) {
        List<Path> layers = new ArrayList<>(loader.existingLayerFiles());
        layers.add(configFile);
        for (Path layer : layers) {
            if (new String(readConfig(layer), StandardCharsets.UTF_8).contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** The default output folder: {@code <project_name>-deployment} next to the working folder. */
    public static Path defaultOutput(Path workingDir, ToolkitConfig config) {
        return workingDir.resolve(config.projectName + "-deployment");
    }

    /** What one plan or generate run found and did. */
    public record Outcome(Path output, Plan plan, ApplyResult applied, List<String> warnings) {
    }

    /**
     * Computes the plan for {@code output} (null: the default folder); writes nothing.
     *
     * <p>Fast path: when the state records this exact config (same bytes, same generator
     * version) and every recorded file still has its recorded content, the output cannot
     * change, so neither parsing nor generating is needed; the recorded warnings are repeated.
     */
    public Outcome plan(Path configFile, Path output, Path workingDir) {
        byte[] raw = readConfig(configFile);
        Path quickDir = output != null ? output : quickDefaultOutput(workingDir, raw);
        String inputHash = inputHash(raw, configFile, quickDir);
        if (quickDir != null) {
            Optional<ManagedState> same = store(quickDir).upToDateState(GENERATOR, VectorweightGenerator.VERSION, inputHash);
            if (same.isPresent()) {
                List<FileChange> unchanged = new ArrayList<>();
                same.get().files().keySet().forEach(p -> unchanged.add(new FileChange(p, FileAction.UNCHANGED, null, null)));
                Plan plan = new Plan(List.copyOf(unchanged), same.get(), GENERATOR, VectorweightGenerator.VERSION, inputHash,
                        false, same.get().notes());
                return new Outcome(quickDir, plan, null, same.get().notes());
            }
        }
        ToolkitConfig config = validate(configFile);
        Path dir = output != null ? output : defaultOutput(workingDir, config);
        if (!dir.equals(quickDir)) {
            inputHash = inputHash(raw, configFile, dir);
        }
        Map<String, List<String>> secretFiles = new ClusterSecrets(config, dir).secretFiles();
        GeneratedRepository repo = generator.generate(config, configFile.toAbsolutePath().getParent(), secretFiles);
        StateStore store = store(dir);
        Plan plan = store.plan(GENERATOR, VectorweightGenerator.VERSION, inputHash, repo.files(), repo.warnings());
        return new Outcome(dir, plan, null, repo.warnings());
    }

    /**
     * The SOPS files of every cluster's Argo CD secrets folder ({@code clusters/<c>/secrets/}), by
     * name only and without the config (the fast path has not parsed it): what the KSOPS list is made from.
     */
    private static List<String> secretFileNames(Path output) {
        List<String> names = new ArrayList<>();
        Path clusters = output == null ? null : output.resolve("clusters");
        if (clusters == null || !Files.isDirectory(clusters)) {
            return names;
        }
        try (java.util.stream.Stream<Path> dirs = Files.list(clusters)) {
            for (Path c : dirs.sorted().toList()) {
                Path secrets = c.resolve("secrets");
                if (!Files.isDirectory(secrets)) {
                    continue;
                }
                try (java.util.stream.Stream<Path> files = Files.list(secrets)) {
                    files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith(".yaml") && !Ksops.reserved(n))
                            .sorted()
                            .forEach(n -> names.add(c.getFileName() + "/" + n));
                }
            }
        } catch (IOException e) {
            throw new OperationFailedException("cannot list " + clusters + ": " + e.getMessage(), "check the folder's permissions");
        }
        return names;
    }

    private static final Pattern PROJECT_LINE = Pattern.compile("(?m)^project_name:[ \\t]*([a-z0-9-]+)[ \\t]*(#.*)?$");

    /** The default output folder read from the raw text, or null when the simple form is not there. */
    private static Path quickDefaultOutput(Path workingDir, byte[] raw) {
        Matcher m = PROJECT_LINE.matcher(new String(raw, StandardCharsets.UTF_8));
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        return m.find() ? null : workingDir.resolve(name + "-deployment");
    }

    private static byte[] readConfig(Path configFile) {
        try {
            return Files.readAllBytes(configFile);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new dev.ailab.core.config.ConfigException(List.of(new dev.ailab.core.config.ConfigProblem(configFile, 0, 0,
                    "config file not found", "check the path given to --config, or create one with 'vectorweight init'")));
        } catch (IOException e) {
            throw new OperationFailedException("cannot read " + configFile + ": " + e.getMessage(), "check the path and permissions");
        }
    }

    /** Plans and applies: writes what changed, prunes untouched stale files, keeps conflicts unless {@code force}. */
    public Outcome generate(Path configFile, Path output, Path workingDir, boolean force) {
        return generate(configFile, output, workingDir, force, dev.ailab.core.io.Progress.NONE);
    }

    /** As {@link #generate(Path, Path, Path, boolean)}, reporting the files written on {@code progress}. */
    public Outcome generate(Path configFile, Path output, Path workingDir, boolean force, dev.ailab.core.io.Progress progress) {
        Outcome planned = plan(configFile, output, workingDir);
        if (planned.plan().upToDate()) {
            return new Outcome(planned.output(), planned.plan(),
                    new ApplyResult(List.of(), List.of(), List.of(), List.of(), false), planned.warnings());
        }
        if (Files.exists(planned.output()) && !Files.isDirectory(planned.output())) {
            throw new OperationFailedException("the output " + planned.output() + " exists and is not a folder",
                    "choose another folder with --dir");
        }
        checkSecretRecipients(validate(configFile), planned.output());
        ApplyResult applied = store(planned.output()).progress(progress).apply(planned.plan(), force);
        return new Outcome(planned.output(), planned.plan(), applied, planned.warnings());
    }

    /**
     * Refuses to write a repository whose SOPS secrets lack a recipient the config names for
     * their cluster: after a push, that cluster's engine could not decrypt them.
     */
    private static void checkSecretRecipients(ToolkitConfig config, Path dir) {
        ClusterSecrets secrets = new ClusterSecrets(config, dir);
        List<String> problems = new ArrayList<>();
        for (ClusterSecrets.Entry e : secrets.list()) {
            List<String> missing = new ArrayList<>(secrets.recipients(e.cluster()));
            missing.removeAll(e.recipients());
            if (!missing.isEmpty()) {
                problems.add(e.path() + " is not encrypted for " + String.join(", ", missing));
            }
        }
        if (!problems.isEmpty()) {
            throw new OperationFailedException(String.join("; ", problems) + " (nothing was written)",
                    "re-encrypt them with 'vectorweight secrets rotate --identity FILE', then generate again");
        }
    }

    public StateStore store(Path dir) {
        return new StateStore(dir, STATE_PATH, ops);
    }

    /** SHA-256 of the config file's bytes: recorded in the state as its input. */
    public static String inputHash(Path configFile) {
        try {
            return Sha256.of(Files.readAllBytes(configFile));
        } catch (IOException e) {
            throw new OperationFailedException("cannot read " + configFile + ": " + e.getMessage(), "check the path");
        }
    }
}
