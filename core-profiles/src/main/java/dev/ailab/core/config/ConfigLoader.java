package dev.ailab.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ailab.core.io.XdgDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layered config resolution, later wins: built-in defaults, user config
 * ({@code $XDG_CONFIG_HOME/ai-lab/config.yaml}), project config ({@code .ai-lab/config.yaml}),
 * {@code --config FILE}, environment variables, command-line options.
 */
public final class ConfigLoader {
    private final XdgDirs xdg;
    private final Path workingDir;
    private final Map<String, String> env;

    public ConfigLoader(XdgDirs xdg, Path workingDir, Map<String, String> env) {
        this.xdg = xdg;
        this.workingDir = workingDir;
        this.env = env;
    }

    /** The loader for this process: real environment and working folder. */
    public static ConfigLoader standard() {
        return new ConfigLoader(XdgDirs.fromEnvironment(), Path.of("").toAbsolutePath(), System.getenv());
    }

    public Path userConfigFile() {
        return xdg.configHome().resolve("ai-lab/config.yaml");
    }

    public Path projectConfigFile() {
        return workingDir.resolve(".ai-lab/config.yaml");
    }

    /**
     * Loads every layer. {@code explicitFile} may be null; {@code overrides} maps dotted keys
     * (for example {@code store.url}) to values given as command-line options.
     */
    public LoadedConfig load(Path explicitFile, Map<String, String> overrides) {
        ObjectNode merged = ConfigMapper.json().createObjectNode();
        Map<String, String> origins = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        for (Path file : new Path[] {userConfigFile(), projectConfigFile()}) {
            if (Files.isRegularFile(file)) {
                mergeFile(merged, origins, files, file);
            }
        }
        if (explicitFile != null) {
            if (!Files.isRegularFile(explicitFile)) {
                throw new ConfigException(List.of(new ConfigProblem(explicitFile, 0, 0,
                        "config file not found", "check the path given to --config")));
            }
            mergeFile(merged, origins, files, explicitFile);
        }
        for (Map.Entry<String, String> e : EnvironmentOverrides.KEYS.entrySet()) {
            String value = env.get(e.getKey());
            if (value != null && !value.isBlank()) {
                put(merged, e.getValue(), value);
                origins.put(e.getValue(), "env " + e.getKey());
            }
        }
        overrides.forEach((key, value) -> {
            put(merged, key, value);
            origins.put(key, "command line");
        });
        ToolkitConfig config = bind(merged, explicitFile);
        Defaults.apply(config, xdg);
        return new LoadedConfig(config, origins, files);
    }

    /** Reads and checks one file on its own, without the other layers. */
    public ToolkitConfig validateFile(Path file) {
        return validateFile(file, List.of());
    }

    /**
     * Reads one file, checks it against the schema and then {@code rules}, and throws a
     * {@link ConfigException} listing every problem found (not only the first).
     */
    public ToolkitConfig validateFile(Path file, List<ConfigRule> rules) {
        JsonNode tree = read(file);
        ToolkitConfig config = bind(tree, file);
        List<ConfigProblem> problems = new ArrayList<>();
        SourceLocator locator = SourceLocator.none(file);
        for (ConfigRule rule : rules) {
            rule.check(config, locator, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private void mergeFile(ObjectNode merged, Map<String, String> origins, List<Path> files, Path file) {
        JsonNode tree = read(file);
        bind(tree, file); // check each file on its own so errors name the right file
        if (tree instanceof ObjectNode object) {
            deepMerge(merged, object, "", origins, file.toString());
        }
        files.add(file);
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode tree = ConfigMapper.yaml().readTree(file.toFile());
            return tree == null || tree.isMissingNode() ? ConfigMapper.json().createObjectNode() : tree;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ConfigException(List.of(new ConfigProblem(file, line, col, e.getOriginalMessage(),
                    "fix the YAML syntax at that position")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "cannot read: " + e.getMessage(), null)));
        }
    }

    private static ToolkitConfig bind(JsonNode tree, Path file) {
        try {
            return ConfigMapper.json().treeToValue(tree, ToolkitConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, e.getOriginalMessage(), null)));
        }
    }

    private static void deepMerge(ObjectNode target, ObjectNode source, String prefix,
                                  Map<String, String> origins, String origin) {
        Iterator<Map.Entry<String, JsonNode>> it = source.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode existingObject && e.getValue() instanceof ObjectNode value) {
                deepMerge(existingObject, value, key + ".", origins, origin);
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
                origins.put(key, origin);
            }
        }
    }

    private static void put(ObjectNode root, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.put(parts[parts.length - 1], value);
    }
}
