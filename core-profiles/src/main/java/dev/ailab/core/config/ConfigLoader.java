package dev.ailab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ailab.core.io.XdgDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Layered config resolution, later wins: built-in defaults, user config
 * ({@code $XDG_CONFIG_HOME/ai-lab/config.yaml}), project config ({@code .ai-lab/config.yaml}),
 * {@code --config FILE}, environment variables, command-line options.
 *
 * <p>Each file is checked on its own against the schema, so every problem names the file, line
 * and column where it was written; all problems of all files are reported together. Mappings
 * merge key by key; lists and single values replace what a lower layer set; {@code key: null}
 * removes a lower layer's value (the default applies again).
 */
public final class ConfigLoader {
    /** Origin of values that no layer set. */
    public static final String DEFAULT_ORIGIN = "default";
    /**
     * The keys {@link Defaults#apply} fills when no layer set them (kept equal to it by a test).
     * Listed rather than found by serializing the model, which would cost start-up time.
     */
    static final List<String> DEFAULTED_KEYS = List.of("sources.mode", "library.branch", "library.path",
            "deployment.base_dir", "deployment.pod", "deployment.agents", "deployment.secrets_dir",
            "deployment.backup_dir", "github.api_url", "github.token_env", "store.url");

    /** Origin of values given as command-line options. */
    public static final String OPTION_ORIGIN = "command line";

    private final XdgDirs xdg;
    private final Path workingDir;
    private final Map<String, String> env;
    private final SchemaVerdicts verdicts;

    public ConfigLoader(XdgDirs xdg, Path workingDir, Map<String, String> env) {
        this.xdg = xdg;
        this.workingDir = workingDir;
        this.env = env;
        this.verdicts = new SchemaVerdicts(xdg.cacheHome().resolve("ai-lab/config-checked"));
    }

    public Path userConfigFile() {
        return xdg.configHome().resolve("ai-lab/config.yaml");
    }

    public Path projectConfigFile() {
        return workingDir.resolve(".ai-lab/config.yaml");
    }

    /** The user and project config files that exist, lowest layer first. */
    public List<Path> existingLayerFiles() {
        List<Path> files = new ArrayList<>();
        for (Path file : new Path[] {userConfigFile(), projectConfigFile()}) {
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        return files;
    }

    /** The environment variables of {@link EnvironmentOverrides#KEYS} that are set, name to value. */
    public Map<String, String> environmentOverrides() {
        Map<String, String> set = new TreeMap<>();
        EnvironmentOverrides.KEYS.keySet().forEach(name -> {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                set.put(name, value);
            }
        });
        return set;
    }

    /**
     * Loads every layer. {@code explicitFile} may be null; {@code overrides} maps dotted keys
     * (for example {@code store.url}) to values given as command-line options.
     *
     * @throws ConfigException listing every problem of every layer
     */
    public LoadedConfig load(Path explicitFile, Map<String, String> overrides) {
        return load(explicitFile, overrides, List.of());
    }

    /**
     * Loads every layer, then runs {@code rules} on the effective config. A rule's problem about
     * a value names the file, line and column of the layer that set it, or the environment
     * variable or option; a value that no layer set is reported without a position.
     *
     * @throws ConfigException listing every problem of every layer, or of the rules
     */
    public LoadedConfig load(Path explicitFile, Map<String, String> overrides, List<ConfigRule> rules) {
        return load(explicitFile, overrides, rules, false);
    }

    /**
     * What can be used of every layer when some are broken: the values that fit the model, with
     * defaults for the rest; never throws for bad content. For a command that must go on after
     * reporting the config's problems (such as {@code ai-config health}, whose library section
     * may be fine while another section has a typo).
     */
    public LoadedConfig loadLeniently(Path explicitFile, Map<String, String> overrides) {
        return load(explicitFile, overrides, List.of(), true);
    }

    private LoadedConfig load(Path explicitFile, Map<String, String> overrides, List<ConfigRule> rules, boolean lenient) {
        Map<Path, SourcePositions> positions = new LinkedHashMap<>();
        List<Path> files = existingLayerFiles();
        List<ConfigProblem> problems = new ArrayList<>();
        boolean explicitMissing = explicitFile != null && !Files.exists(explicitFile);
        if (explicitFile != null) {
            if (explicitMissing) {
                problems.add(new ConfigProblem(explicitFile, 0, 0, "config file not found",
                        "check the path given to --config"));
            } else if (files.stream().noneMatch(f -> sameFile(f, explicitFile))) {
                files.add(explicitFile); // a layer named again with --config is read once
            }
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        Map<String, String> origins = new TreeMap<>();
        java.util.Set<String> rejected = new java.util.HashSet<>();
        boolean allParsed = true;
        for (Path file : files) {
            YamlSource source = YamlSource.read(file);
            allParsed &= source.parsed();
            List<ConfigProblem> fileProblems = check(source, rejected);
            if (source.parsed() && source.tree() instanceof ObjectNode tree) {
                merge(merged, fileProblems.isEmpty() ? tree : (ObjectNode) SchemaCheck.withoutNullMembers(tree),
                        "", origins, source.positions());
                positions.put(file, source.positions());
            }
            problems.addAll(fileProblems);
        }
        if (!problems.isEmpty() && !lenient) {
            if (!rules.isEmpty() && allParsed && !explicitMissing) {
                // Rules run on what could be read, so one run reports everything, as validateFile
                // does; not past a syntax error or without the file named, where "required"
                // findings about the defaults would only mislead.
                addRuleFindings(ConfigBinder.bindLeniently(merged, ToolkitConfig.class),
                        new LayeredLocator(origins, positions), rules, rejected, problems, false);
            }
            throw new ConfigException(problems);
        }

        Map<String, String> late = new LinkedHashMap<>(); // dotted key -> origin, for env and options
        for (Map.Entry<String, String> e : new TreeMap<>(EnvironmentOverrides.KEYS).entrySet()) {
            String value = env.get(e.getKey());
            if (value != null && !value.isBlank()) {
                put(merged, e.getValue(), value);
                setOrigin(origins, e.getValue(), "env " + e.getKey());
                late.put(e.getValue(), "environment variable " + e.getKey());
            }
        }
        if (overrides != null) {
            overrides.forEach((key, value) -> {
                if (value == null) {
                    return;
                }
                if (ConfigSchema.schemaAt(pointerOf(key)).isMissingNode()) {
                    if (lenient) {
                        return;
                    }
                    throw new ConfigException(List.of(new ConfigProblem(null, 0, 0,
                            "unknown config key '" + key + "' given on the command line",
                            hintForKey(key))));
                }
                put(merged, key, value);
                setOrigin(origins, key, OPTION_ORIGIN);
                late.put(key, "command-line value for " + key);
            });
        }
        if (!late.isEmpty() && !lenient) {
            for (SchemaCheck.Violation v : verdicts.check(merged)) {
                String dotted = dotted(v.pointer());
                String from = late.entrySet().stream()
                        .filter(e -> dotted.equals(e.getKey()) || dotted.startsWith(e.getKey() + ".")
                                || dotted.startsWith(e.getKey() + "["))
                        .map(Map.Entry::getValue).findFirst().orElse("the merged config");
                problems.add(new ConfigProblem(null, 0, 0, from + ": " + v.message(), v.hint()));
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
        }

        ToolkitConfig config = lenient ? ConfigBinder.bindLeniently(merged, ToolkitConfig.class) : bind(merged, null);
        Defaults.apply(config, xdg);
        for (String key : DEFAULTED_KEYS) {
            origins.putIfAbsent(key, DEFAULT_ORIGIN);
        }
        if (!rules.isEmpty()) {
            SourceLocator locator = new LayeredLocator(origins, positions);
            for (ConfigRule rule : rules) {
                rule.check(config, locator, problems);
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
        }
        return new LoadedConfig(config, origins, List.copyOf(files));
    }

    /**
     * Runs {@code rules} and adds their findings to {@code problems}, except a finding about a
     * value the schema already rejected (the same JSON pointer in {@code rejected}), which would
     * say the same thing again; findings that merely share a line and column are all kept. A rule
     * that trips over a value the schema rejected is skipped unless {@code rethrow}.
     */
    private static void addRuleFindings(ToolkitConfig config, SourceLocator delegate, List<ConfigRule> rules,
                                        java.util.Set<String> rejected, List<ConfigProblem> problems, boolean rethrow) {
        Map<ConfigProblem, String> pointers = new java.util.IdentityHashMap<>();
        SourceLocator at = new SourceLocator() {
            @Override
            public Path file() {
                return delegate.file();
            }

            @Override
            public int[] lineColumn(String pointer) {
                return delegate.lineColumn(pointer);
            }

            @Override
            public ConfigProblem problem(String pointer, String message, String hint) {
                ConfigProblem p = delegate.problem(pointer, message, hint);
                pointers.put(p, pointer);
                return p;
            }
        };
        List<ConfigProblem> found = new ArrayList<>();
        for (ConfigRule rule : rules) {
            try {
                rule.check(config, at, found);
            } catch (RuntimeException e) {
                if (rethrow) {
                    throw e;
                }
            }
        }
        for (ConfigProblem p : found) {
            if (!rejected.contains(pointers.get(p))) {
                problems.add(p);
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** Reads and checks one file on its own, without the other layers. */
    public ToolkitConfig validateFile(Path file) {
        return validateFile(file, List.of());
    }

    /**
     * Reads one file, checks it against the schema and then {@code rules}, and throws a
     * {@link ConfigException} listing every problem found (not only the first). Rules run only
     * when the file passed the schema, with a {@link SourceLocator} that knows every position.
     * The result has no defaults applied.
     */
    public ToolkitConfig validateFile(Path file, List<ConfigRule> rules) {
        YamlSource source = YamlSource.read(file);
        java.util.Set<String> rejected = new java.util.HashSet<>();
        List<ConfigProblem> problems = check(source, rejected);
        if (!source.parsed()) {
            throw new ConfigException(problems);
        }
        ToolkitConfig config = problems.isEmpty() ? bind(source.tree(), file)
                : ConfigBinder.bindLeniently(SchemaCheck.withoutNullMembers(source.tree()), ToolkitConfig.class);
        // Rules run even after schema problems, so one run reports everything.
        addRuleFindings(config, source.positions(), rules, rejected, problems, problems.isEmpty());
        if (!problems.isEmpty()) {
            throw new ConfigException(sorted(problems));
        }
        return config;
    }

    /**
     * Every problem of one file (reading, syntax, duplicate keys, schema, then {@code rules}),
     * sorted by position; empty when the file is valid. Never throws for bad content.
     */
    public List<ConfigProblem> problems(Path file, List<ConfigRule> rules) {
        try {
            validateFile(file, rules);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    /** Reading problems plus schema problems, located in the file. */
    List<ConfigProblem> check(YamlSource source) {
        return check(source, new java.util.HashSet<>());
    }

    /** As {@link #check(YamlSource)}, adding the JSON pointer of the value each schema violation is about to {@code rejected}. */
    private List<ConfigProblem> check(YamlSource source, java.util.Set<String> rejected) {
        List<ConfigProblem> problems = new ArrayList<>(source.problems());
        if (source.parsed()) {
            SourcePositions at = source.positions();
            for (SchemaCheck.Violation v : verdicts.check(source.tree())) {
                rejected.add(v.subject());
                int[] lc = v.atKey() ? at.keyLineColumn(v.pointer()) : at.lineColumn(v.pointer());
                problems.add(new ConfigProblem(source.file(), lc[0], lc[1], v.message(), v.hint()));
            }
        }
        return sorted(problems);
    }

    private static List<ConfigProblem> sorted(List<ConfigProblem> problems) {
        List<ConfigProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return out;
    }

    private static ToolkitConfig bind(JsonNode tree, Path file) {
        try {
            return ConfigBinder.bind(SchemaCheck.withoutNullMembers(tree), ToolkitConfig.class);
        } catch (IllegalArgumentException e) {
            // The schema should have caught this first; still a clean message, never a trace.
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0,
                    "cannot use the config: " + e.getMessage(), "see 'ai-lab config schema'")));
        }
    }

    private static String hintForKey(String key) {
        String guess = Suggestions.closest(key, ConfigSchema.keys().keySet());
        return guess != null ? "did you mean '" + guess + "'?" : "see 'ai-lab config schema' for the keys";
    }

    /** Locates a value of the merged config in the layer that set it. */
    private static final class LayeredLocator implements SourceLocator {
        private final Map<String, String> origins;
        private final Map<Path, SourcePositions> positions;

        LayeredLocator(Map<String, String> origins, Map<Path, SourcePositions> positions) {
            this.origins = origins;
            this.positions = positions;
        }

        /** The origin of the value at {@code pointer}, of its first child, or of its nearest parent. */
        private String originOf(String pointer) {
            String p = pointer == null ? "" : pointer;
            while (true) {
                String key = dotted(p);
                String exact = origins.get(key);
                if (exact != null) {
                    return exact;
                }
                for (Map.Entry<String, String> e : origins.entrySet()) {
                    if (key.isEmpty() || e.getKey().startsWith(key + ".") || e.getKey().startsWith(key + "[")) {
                        return e.getValue();
                    }
                }
                if (p.isEmpty()) {
                    return null;
                }
                p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
            }
        }

        private SourcePositions fileOf(String origin) {
            if (origin != null) {
                for (Map.Entry<Path, SourcePositions> e : positions.entrySet()) {
                    if (origin.startsWith(e.getKey() + ":")) {
                        return e.getValue();
                    }
                }
            }
            return null;
        }

        @Override
        public Path file() {
            Path last = null;
            for (Path file : positions.keySet()) {
                last = file;
            }
            return last;
        }

        @Override
        public int[] lineColumn(String pointer) {
            SourcePositions at = fileOf(originOf(pointer));
            return at == null ? new int[] {0, 0} : at.lineColumn(pointer);
        }

        @Override
        public ConfigProblem problem(String pointer, String message, String hint) {
            String origin = originOf(pointer);
            SourcePositions at = fileOf(origin);
            if (at != null) {
                int[] lc = at.lineColumn(pointer);
                return new ConfigProblem(at.file(), lc[0], lc[1], message, hint);
            }
            String from = origin == null || origin.equals(DEFAULT_ORIGIN) ? "built-in default"
                    : origin.startsWith("env ") ? "environment variable " + origin.substring(4) : origin;
            return new ConfigProblem(null, 0, 0, from + ": " + message, hint);
        }
    }

    // ---- merging and origins ---------------------------------------------------------------

    private static void merge(ObjectNode target, ObjectNode source, String pointer,
                              Map<String, String> origins, SourcePositions at) {
        Iterator<Map.Entry<String, JsonNode>> it = source.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = pointer + "/" + JsonPointers.escape(e.getKey());
            JsonNode existing = target.get(e.getKey());
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
                clearOrigins(origins, dotted(child));
            } else if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject) {
                merge(existingObject, valueObject, child, origins, at);
            } else {
                target.set(e.getKey(), value.deepCopy());
                clearOrigins(origins, dotted(child));
                recordOrigins(value, child, origins, at);
            }
        }
    }

    private static void recordOrigins(JsonNode value, String pointer, Map<String, String> origins,
                                      SourcePositions at) {
        if (value.isObject()) {
            value.properties().forEach(e ->
                    recordOrigins(e.getValue(), pointer + "/" + JsonPointers.escape(e.getKey()), origins, at));
        } else if (value.isArray() && containsContainers(value)) {
            for (int i = 0; i < value.size(); i++) {
                recordOrigins(value.get(i), pointer + "/" + i, origins, at);
            }
        } else {
            int[] lc = at.lineColumn(pointer);
            origins.put(dotted(pointer), at.file() + ":" + lc[0] + ":" + lc[1]);
        }
    }

    private static boolean containsContainers(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    private static void setOrigin(Map<String, String> origins, String dottedKey, String origin) {
        clearOrigins(origins, dottedKey);
        origins.put(dottedKey, origin);
    }

    private static void clearOrigins(Map<String, String> origins, String dottedKey) {
        origins.keySet().removeIf(k -> k.equals(dottedKey) || k.startsWith(dottedKey + ".") || k.startsWith(dottedKey + "["));
    }

    /** {@code /clusters/0/name} to {@code clusters[0].name}, the key format of origins. */
    static String dotted(String pointer) {
        return pointer.isEmpty() ? "" : SchemaCheck.display(pointer);
    }

    /** {@code store.url} or {@code clusters[0].name} to a JSON pointer. */
    static String pointerOf(String dottedKey) {
        StringBuilder p = new StringBuilder();
        for (String part : dottedKey.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                p.append('/').append(JsonPointers.escape(name));
            }
            if (bracket >= 0) {
                for (String idx : part.substring(bracket + 1).split("\\[")) {
                    p.append('/').append(idx.replace("]", ""));
                }
            }
        }
        return p.toString();
    }

    /** Sets a dotted key, typing the text by the schema: booleans, integers, comma-separated lists. */
    private static void put(ObjectNode root, String dottedKey, String value) {
        String pointer = pointerOf(dottedKey);
        String[] parts = pointer.substring(1).split("/");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], typed(ConfigBinder.typeAt(ToolkitConfig.class, pointer), value));
    }

    /**
     * The text of an environment variable or option as the value the model holds at that place:
     * true/false, a whole number, a comma-separated list, or text. Typed from the model rather
     * than the schema, so a run with an override does not parse the schema (the schema check
     * that follows catches anything that does not fit).
     */
    private static JsonNode typed(java.lang.reflect.Type type, String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String v = value.trim();
        Class<?> raw = ConfigBinder.raw(type);
        if (raw == Boolean.class && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
            return f.booleanNode(Boolean.parseBoolean(v));
        }
        if (raw == Integer.class) {
            try {
                return f.numberNode(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return f.textNode(value);
            }
        }
        if (raw == List.class) {
            java.lang.reflect.Type element = ((java.lang.reflect.ParameterizedType) type).getActualTypeArguments()[0];
            ArrayNode array = f.arrayNode();
            for (String item : v.split(",")) {
                if (!item.isBlank()) {
                    array.add(typed(element, item.trim()));
                }
            }
            return array;
        }
        return f.textNode(value);
    }
}
