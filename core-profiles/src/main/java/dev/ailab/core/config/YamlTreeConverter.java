package dev.ailab.core.config;

import static dev.ailab.core.config.SourcePositions.column;
import static dev.ailab.core.config.SourcePositions.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed SnakeYAML node tree into a JSON tree, recording where every key and value
 * sits and every problem met on the way: duplicate keys, non-scalar keys, bad merge keys,
 * recursive aliases, nesting beyond {@link YamlSource#MAX_DEPTH}, tags that do not fit their
 * value or are not supported. Merge keys ({@code <<}) are applied; an explicit key wins over a
 * merged one.
 */
final class YamlTreeConverter {
    private final Path file;
    private final SourcePositions positions;
    private final List<ConfigProblem> problems;
    private final Set<Node> active = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Anchored nodes already converted: meeting one again means an alias. */
    private final Set<Node> anchored = Collections.newSetFromMap(new IdentityHashMap<>());
    private int budget = YamlSource.MAX_VALUES;

    YamlTreeConverter(Path file, SourcePositions positions, List<ConfigProblem> problems) {
        this.file = file;
        this.positions = positions;
        this.problems = problems;
    }

    /** Thrown when aliases expand a document beyond {@link YamlSource#MAX_VALUES}. */
    static final class TooManyValues extends RuntimeException {
        final transient Mark mark;

        TooManyValues(Mark mark) {
            super(null, null, false, false);
            this.mark = mark;
        }
    }

    /**
     * The JSON form of {@code node}, found at {@code pointer} and {@code depth} levels down.
     *
     * @throws TooManyValues when aliases expand the document beyond {@link YamlSource#MAX_VALUES}
     */
    JsonNode convert(Node node, String pointer, int depth) {
        if (--budget < 0) {
            throw new TooManyValues(node.getStartMark());
        }
        if (depth > YamlSource.MAX_DEPTH || !active.add(node)) {
            problem(node.getStartMark(), depth > YamlSource.MAX_DEPTH
                            ? "nesting is deeper than " + YamlSource.MAX_DEPTH + " levels"
                            : "an alias refers to the value that contains it (a recursive structure)",
                    "write the value out instead");
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.getAnchor() != null) {
            anchored.add(node);
        }
        try {
            if (node instanceof MappingNode mapping) {
                return mapping(mapping, pointer, depth);
            }
            if (node instanceof SequenceNode sequence) {
                var array = JsonNodeFactory.instance.arrayNode();
                int i = 0;
                for (Node item : sequence.getValue()) {
                    String child = pointer + "/" + i++;
                    positions.putValue(child, item.getStartMark());
                    array.add(convert(item, child, depth + 1));
                }
                return array;
            }
            return scalar((ScalarNode) node);
        } finally {
            active.remove(node);
        }
    }

    private ObjectNode mapping(MappingNode mapping, String pointer, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        Map<String, Mark> seen = new LinkedHashMap<>();
        // Merge keys (<<) first, so explicit keys of this mapping win whatever their order.
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                Node value = tuple.getValueNode();
                List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
                for (Node source : sources) {
                    if (source instanceof MappingNode) {
                        JsonNode merged = convert(source, pointer, depth + 1);
                        merged.properties().forEach(e -> object.set(e.getKey(), e.getValue()));
                    } else {
                        problem(source.getStartMark(), "a merge key (<<) needs a mapping or a list of mappings",
                                "merge an anchored mapping, like '<<: *defaults'");
                    }
                }
            }
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problem(keyNode.getStartMark(), "a key must be a plain name, not a list or mapping",
                        "write keys as 'name: value'");
                continue;
            }
            String key = scalarKey.getValue();
            String child = pointer + "/" + JsonPointers.escape(key);
            Mark first = seen.put(key, keyNode.getStartMark());
            if (first != null) {
                problem(keyNode.getStartMark(), "duplicate key '" + key + "' (first set at line " + line(first)
                                + ", column " + column(first) + ")",
                        "keep one of them; YAML does not allow the same key twice in a mapping");
                continue;
            }
            positions.putKey(child, keyNode.getStartMark());
            Node valueNode = tuple.getValueNode();
            // An alias has no position of its own in the node tree: point at its key instead of the anchor.
            positions.putValue(child, anchored.contains(valueNode) ? keyNode.getStartMark() : valueNode.getStartMark());
            object.set(key, convert(tuple.getValueNode(), child, depth + 1));
        }
        return object;
    }

    private JsonNode scalar(ScalarNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String value = node.getValue();
        Tag tag = node.getTag();
        try {
            if (tag.equals(Tag.STR) || tag.equals(Tag.BINARY) || tag.equals(Tag.TIMESTAMP)) {
                return f.textNode(value);
            }
            if (tag.equals(Tag.NULL)) {
                return f.nullNode();
            }
            if (tag.equals(Tag.BOOL)) {
                String v = value.toLowerCase(Locale.ROOT);
                if (v.equals("true") || v.equals("false")) {
                    return f.booleanNode(v.equals("true"));
                }
                throw new NumberFormatException();
            }
            if (tag.equals(Tag.INT)) {
                BigInteger n = parseInt(value);
                return n.bitLength() < 32 ? f.numberNode(n.intValue())
                        : n.bitLength() < 64 ? f.numberNode(n.longValue()) : f.numberNode(n);
            }
            if (tag.equals(Tag.FLOAT)) {
                return f.numberNode(parseFloat(value));
            }
        } catch (NumberFormatException e) {
            problem(node.getStartMark(), "'" + value + "' is tagged " + shortTag(tag) + " but is not one",
                    "remove the tag or fix the value");
            return f.textNode(value);
        }
        problem(node.getStartMark(), "unsupported YAML tag " + shortTag(tag),
                "remove the tag; config values are plain strings, numbers, booleans, lists and mappings");
        return f.textNode(value);
    }

    private void problem(Mark mark, String message, String hint) {
        problems.add(new ConfigProblem(file, line(mark), column(mark), message, hint));
    }

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    private static BigInteger parseInt(String value) {
        String v = value.replace("_", "");
        int sign = 1;
        if (v.startsWith("-") || v.startsWith("+")) {
            sign = v.startsWith("-") ? -1 : 1;
            v = v.substring(1);
        }
        BigInteger n;
        if (v.startsWith("0x")) {
            n = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0o")) {
            n = new BigInteger(v.substring(2), 8);
        } else {
            n = new BigInteger(v);
        }
        return sign < 0 ? n.negate() : n;
    }

    private static double parseFloat(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.endsWith(".inf")) {
            return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (v.equals(".nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(v);
    }
}
