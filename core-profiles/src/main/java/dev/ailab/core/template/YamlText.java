package dev.ailab.core.template;

import dev.ailab.core.config.ConfigProblem;
import dev.ailab.core.config.YamlSyntaxMessages;
import dev.ailab.core.error.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The small YAML reading needs of templates, through SnakeYAML's node API so every error names
 * FILE:LINE:COLUMN. Scalars stay text (so {@code 3.10} is the text "3.10", never the number 3.1)
 * except true/false and null. Kept apart from Jackson on purpose: it starts in a fraction of the
 * time. Template files are written with {@link dev.ailab.core.yaml.YamlWriter#indented()}, which
 * quotes whatever would not read back as the same text.
 */
public final class YamlText {
    private YamlText() {
    }

    /** Parses {@code text}; an empty document is null. */
    public static Node parse(String text, Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(4 * 1024 * 1024);
        try {
            // The composer alone: no constructor or representer (they start java.beans and java.util.logging).
            Node node = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
                    .getSingleNode();
            checkDuplicates(node, file);
            return node;
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            // Worded as config files are: what is wrong in an editor's terms, at FILE:LINE:COLUMN.
            ConfigProblem p = YamlSyntaxMessages.of(file, text, e).get(0);
            throw new InvalidInputException(file + (p.line() > 0 ? ":" + p.line() + ":" + p.column() : "") + ": " + p.message(),
                    p.hint());
        }
    }

    /** Duplicate keys are mistakes (the later one would silently win): reported where the second one is. */
    private static void checkDuplicates(Node node, Path file) {
        if (node instanceof MappingNode map) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && !seen.add(k.getValue())) {
                    throw new InvalidInputException(at(file, k.getStartMark()) + ": duplicate key '" + k.getValue() + "'",
                            "keep one of the two");
                }
                checkDuplicates(t.getValueNode(), file);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                checkDuplicates(n, file);
            }
        }
    }

    public static Node parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidInputException(file + ": not UTF-8 text", "save the file as UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a file holding a map into plain values (maps, lists, text, booleans); missing or empty: an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(Path file) {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        Node node = parse(file);
        if (node == null) {
            return new LinkedHashMap<>();
        }
        if (!(node instanceof MappingNode)) {
            throw new InvalidInputException(at(file, node.getStartMark()) + ": expected a map of key: value", "write key: value lines");
        }
        return (Map<String, Object>) value(node, file);
    }

    /** Plain value of a node. */
    public static Object value(Node node, Path file) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.NULL)) {
                return null;
            }
            if (s.getTag().equals(Tag.BOOL)) {
                String v = s.getValue().toLowerCase(java.util.Locale.ROOT);
                return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y");
            }
            return s.getValue();
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (Node n : seq.getValue()) {
                list.add(value(n, file));
            }
            return list;
        }
        if (node instanceof MappingNode map) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                m.put(key(t, file), value(t.getValueNode(), file));
            }
            return m;
        }
        throw new InvalidInputException(at(file, node.getStartMark()) + ": unsupported YAML here", "use maps, lists and text");
    }

    static String key(NodeTuple t, Path file) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
            throw new InvalidInputException(at(file, t.getKeyNode().getStartMark()) + ": keys must be text", "write key: value");
        }
        return k.getValue();
    }

    /** {@code FILE:LINE:COLUMN}, 1-based. */
    public static String at(Path file, Mark mark) {
        return mark == null ? String.valueOf(file) : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }
}
