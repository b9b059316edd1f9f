package dev.ailab.core.config;

import static dev.ailab.core.config.SourcePositions.column;
import static dev.ailab.core.config.SourcePositions.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * One config file read into a JSON tree that remembers where every key and value sat, plus
 * every problem found while reading it (size, encoding, syntax, duplicate keys, tags).
 *
 * <p>Scalars are typed by the YAML 1.2 core schema, not YAML 1.1: only {@code true}/{@code false}
 * are booleans (so {@code yes}, {@code no}, {@code on} and {@code off} stay strings and the
 * schema says so), and dates stay strings.
 *
 * <p>The steps are the jobs of other classes: {@link ConfigText} reads and decodes the bytes,
 * SnakeYAML composes the node tree, {@link YamlSyntaxMessages} words its errors,
 * {@link YamlTreeConverter} turns the nodes into JSON and records {@link SourcePositions}.
 */
public final class YamlSource {
    /** Config files larger than this are refused before parsing. */
    public static final int MAX_BYTES = 1024 * 1024;

    static final int MAX_DEPTH = 40;
    /** Values (after expanding aliases) a document may hold: a config has a few hundred. */
    static final int MAX_VALUES = 100_000;

    private final Path file;
    private final JsonNode tree;
    private final SourcePositions positions;
    private final List<ConfigProblem> problems;
    private final boolean parsed;

    private YamlSource(Path file, JsonNode tree, SourcePositions positions, List<ConfigProblem> problems, boolean parsed) {
        this.file = file;
        this.tree = tree;
        this.positions = positions;
        this.problems = List.copyOf(problems);
        this.parsed = parsed;
    }

    /** A source that could not be read: an empty tree and the problems that say why. */
    private static YamlSource unread(Path file, SourcePositions positions, List<ConfigProblem> problems) {
        return new YamlSource(file, JsonNodeFactory.instance.objectNode(), positions, problems, false);
    }

    /** Whether the whole document was read (so the tree can be checked against the schema). */
    public boolean parsed() {
        return parsed;
    }

    public Path file() {
        return file;
    }

    /** The document, an empty object when it could not be read; never null. */
    public JsonNode tree() {
        return tree;
    }

    /** Where each key and value sits. */
    public SourcePositions positions() {
        return positions;
    }

    /** Problems found while reading: when not empty, {@link #tree()} may be partial. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Reads {@code file}; never throws for bad content, only records problems. */
    public static YamlSource read(Path file) {
        SourcePositions positions = new SourcePositions(file);
        List<ConfigProblem> problems = new ArrayList<>();
        byte[] bytes = ConfigText.read(file, problems);
        if (bytes == null) {
            return unread(file, positions, problems);
        }
        return parse(file, bytes, positions, problems);
    }

    /** Reads YAML text that did not come from a file (tests, stdin); {@code file} names it in messages. */
    public static YamlSource parse(Path file, String text) {
        return parse(file, text.getBytes(StandardCharsets.UTF_8), new SourcePositions(file), new ArrayList<>());
    }

    private static YamlSource parse(Path file, byte[] bytes, SourcePositions positions, List<ConfigProblem> problems) {
        String text = ConfigText.decode(file, bytes, problems);
        if (text == null) {
            return unread(file, positions, problems);
        }
        if (text.isBlank()) {
            problems.add(new ConfigProblem(file, 0, 0, "file is empty",
                    "write at least one setting (see 'ai-lab config schema' or examples/config.yaml), or delete the file"));
            return unread(file, positions, problems);
        }
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (YAMLException e) {
            problems.addAll(YamlSyntaxMessages.of(file, text, e));
            return unread(file, positions, problems);
        }
        if (root == null) {
            // Only comments or a bare document marker: a deliberate "no settings" file.
            return new YamlSource(file, JsonNodeFactory.instance.objectNode(), positions, problems, true);
        }
        positions.putValue("", root.getStartMark());
        JsonNode tree;
        try {
            tree = new YamlTreeConverter(file, positions, problems).convert(root, "", 0);
        } catch (YamlTreeConverter.TooManyValues e) {
            problems.clear();
            problems.add(new ConfigProblem(file, line(e.mark), column(e.mark), "the document expands to more than "
                    + MAX_VALUES + " values through aliases: refused to protect against alias bombs",
                    "write the values out instead of repeating them through aliases"));
            return unread(file, positions, problems);
        }
        if (!(tree instanceof ObjectNode)) {
            problems.add(new ConfigProblem(file, line(root.getStartMark()), column(root.getStartMark()),
                    "the top level must be a mapping of keys such as 'project_name: demo', found " + JsonKinds.of(tree),
                    "start each setting at the beginning of a line as 'key: value'"));
            return unread(file, positions, problems);
        }
        return new YamlSource(file, tree, positions, problems, true);
    }

    /** SnakeYAML with the limits of a config file, composing nodes typed by {@link Yaml12CoreResolver}. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by the converter with both positions
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES + 16);
        options.setAllowRecursiveKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                new Yaml12CoreResolver());
    }
}
