package dev.ailab.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One config file read into a JSON tree that remembers where every key and value sat, plus
 * every problem found while reading it (size, encoding, syntax, duplicate keys, tags).
 *
 * <p>Scalars are typed by the YAML 1.2 core schema, not YAML 1.1: only {@code true}/{@code false}
 * are booleans (so {@code yes}, {@code no}, {@code on} and {@code off} stay strings and the
 * schema says so), and dates stay strings.
 */
public final class YamlSource {
    /** Config files larger than this are refused before parsing. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final int MAX_DEPTH = 40;
    /** Values (after expanding aliases) a document may hold: a config has a few hundred. */
    private static final int MAX_VALUES = 100_000;

    private final Path file;
    private final JsonNode tree;
    private final Positions positions;
    private final List<ConfigProblem> problems;
    private final boolean parsed;

    private YamlSource(Path file, JsonNode tree, Positions positions, List<ConfigProblem> problems) {
        this(file, tree, positions, problems, false);
    }

    private YamlSource(Path file, JsonNode tree, Positions positions, List<ConfigProblem> problems, boolean parsed) {
        this.file = file;
        this.tree = tree;
        this.positions = positions;
        this.problems = List.copyOf(problems);
        this.parsed = parsed;
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
    public Positions positions() {
        return positions;
    }

    /** Problems found while reading: when not empty, {@link #tree()} may be partial. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Reads {@code file}; never throws for bad content, only records problems. */
    public static YamlSource read(Path file) {
        Positions positions = new Positions(file);
        List<ConfigProblem> problems = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = readBounded(file, problems);
        } catch (IOException e) {
            problems.add(new ConfigProblem(file, 0, 0, describe(e), "check the path and its permissions"));
            return new YamlSource(file, empty(), positions, problems);
        }
        if (bytes == null) {
            return new YamlSource(file, empty(), positions, problems);
        }
        return parse(file, bytes, positions, problems);
    }

    /** Reads YAML text that did not come from a file (tests, stdin); {@code file} names it in messages. */
    public static YamlSource parse(Path file, String text) {
        return parse(file, text.getBytes(StandardCharsets.UTF_8), new Positions(file), new ArrayList<>());
    }

    private static YamlSource parse(Path file, byte[] bytes, Positions positions, List<ConfigProblem> problems) {
        String text = decode(file, bytes, problems);
        if (text == null) {
            return new YamlSource(file, empty(), positions, problems);
        }
        if (text.isBlank()) {
            problems.add(new ConfigProblem(file, 0, 0, "file is empty",
                    "write at least one setting (see 'ai-lab config schema' or examples/config.yaml), or delete the file"));
            return new YamlSource(file, empty(), positions, problems);
        }
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            problems.addAll(syntaxProblems(file, text, e));
            return new YamlSource(file, empty(), positions, problems);
        } catch (YAMLException e) {
            if (String.valueOf(e.getMessage()).startsWith("Number of aliases")) {
                problems.add(new ConfigProblem(file, 0, 0,
                        "more than 50 aliases to lists or mappings: refused to protect against alias bombs",
                        "write the values out instead of repeating them through aliases"));
                return new YamlSource(file, empty(), positions, problems);
            }
            problems.add(new ConfigProblem(file, 0, 0, "cannot read the YAML: " + e.getMessage(),
                    "fix the YAML; 'yamllint FILE' shows more detail"));
            return new YamlSource(file, empty(), positions, problems);
        }
        if (root == null) {
            // Only comments or a bare document marker: a deliberate "no settings" file.
            return new YamlSource(file, empty(), positions, problems, true);
        }
        Converter converter = new Converter(file, positions, problems);
        positions.putValue("", root.getStartMark());
        JsonNode tree;
        try {
            tree = converter.convert(root, "", 0);
        } catch (TooManyValues e) {
            problems.clear();
            problems.add(new ConfigProblem(file, line(e.mark), column(e.mark), "the document expands to more than "
                    + MAX_VALUES + " values through aliases: refused to protect against alias bombs",
                    "write the values out instead of repeating them through aliases"));
            return new YamlSource(file, empty(), positions, problems);
        }
        if (!(tree instanceof ObjectNode)) {
            problems.add(new ConfigProblem(file, line(root.getStartMark()), column(root.getStartMark()),
                    "the top level must be a mapping of keys such as 'project_name: demo', found " + kind(tree),
                    "start each setting at the beginning of a line as 'key: value'"));
            return new YamlSource(file, empty(), positions, problems);
        }
        return new YamlSource(file, tree, positions, problems, true);
    }

    private static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static byte[] readBounded(Path file, List<ConfigProblem> problems) throws IOException {
        if (Files.isDirectory(file)) {
            problems.add(new ConfigProblem(file, 0, 0, "is a folder, not a config file", "give the path of a .yaml file"));
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                long size = Files.isRegularFile(file) ? Files.size(file) : -1;
                problems.add(new ConfigProblem(file, 0, 0,
                        "file is too large (" + (size > 0 ? size + " bytes" : "more than " + MAX_BYTES + " bytes")
                                + "; the limit for a config file is 1 MiB)",
                        "a config file holds a few kilobytes of settings; check that this is the right file"));
                return null;
            }
            return bytes;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot read: " + e.getMessage();
    }

    /** Strict UTF-8 with an optional byte-order mark; binary content is named as such. */
    private static String decode(Path file, byte[] bytes, List<ConfigProblem> problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
                int[] at = lineColumnOfByte(bytes, start, i);
                problems.add(new ConfigProblem(file, at[0], at[1],
                        String.format("control character U+%04X: this looks like a binary file, not YAML text", b),
                        "config files are UTF-8 YAML text; check that this is the right file"));
                return null;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8(bytes, start);
            int[] at = lineColumnOfByte(bytes, start, offset);
            problems.add(new ConfigProblem(file, at[0], at[1],
                    String.format("not a UTF-8 text file (byte 0x%02X cannot start a character)", bytes[offset] & 0xff),
                    "config files are UTF-8 YAML text; check that this is the right file, or re-save it as UTF-8"));
            return null;
        }
        return text;
    }

    private static int firstInvalidUtf8(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    private static int[] lineColumnOfByte(byte[] bytes, int start, int offset) {
        int line = 1;
        int col = 1;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by the converter with both positions
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES + 16);
        options.setAllowRecursiveKeys(false);
        return new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options),
                new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
                new org.yaml.snakeyaml.DumperOptions(), options, new CoreSchemaResolver());
    }

    // ---- syntax errors -------------------------------------------------------------------

    private static final Pattern TAB_INDENT = Pattern.compile("^ *\t");

    private static List<ConfigProblem> syntaxProblems(Path file, String text, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() == null ? "" : e.getProblem();
        List<ConfigProblem> out = new ArrayList<>();
        if (problem.contains("\\t(TAB)") || problem.contains("\t")) {
            // The parser stops at the first tab; when that tab indents its line, report every
            // line indented with one (an editor that inserted one usually inserted them all).
            String[] lines = text.split("\n", -1);
            boolean indentation = mark != null && mark.getLine() < lines.length
                    && TAB_INDENT.matcher(lines[mark.getLine()]).find();
            for (int i = 0; indentation && i < lines.length; i++) {
                if (TAB_INDENT.matcher(lines[i]).find()) {
                    out.add(new ConfigProblem(file, i + 1, lines[i].indexOf('\t') + 1,
                            "tab character in indentation; YAML allows only spaces there",
                            "replace the tab with spaces (2 per level is usual)"));
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
            out.add(new ConfigProblem(file, line(mark), column(mark), "tab character where YAML does not allow one",
                    "replace the tab with spaces"));
            return out;
        }
        String message;
        String hint;
        String context = e.getContext();
        Mark contextMark = e.getContextMark();
        String started = context != null && contextMark != null && mark != null && contextMark.getLine() != mark.getLine()
                ? " (" + context + " that starts at line " + line(contextMark) + ")" : "";
        if (problem.startsWith("mapping values are not allowed")) {
            message = "unexpected ':' in a value" + started;
            hint = "put quotes around a value that contains ': ', or fix the indentation of this line";
        } else if (problem.startsWith("could not find expected ':'")) {
            message = "a key without ':' after it" + started;
            hint = "write 'key: value'; a value spread over several lines must be indented under its key";
        } else if (problem.startsWith("found unexpected end of stream") && context != null && context.contains("quoted")) {
            message = "a quoted value is never closed";
            hint = "add the closing quote";
            mark = contextMark != null ? contextMark : mark;
        } else if (problem.startsWith("expected ',' or ']'") || problem.startsWith("expected ',' or '}'")) {
            char close = problem.contains("']'") ? ']' : '}';
            message = "a '" + (close == ']' ? '[' : '{') + "' opened at line " + line(contextMark)
                    + " is not closed before this point";
            hint = "add the closing '" + close + "', or separate the items with ', '";
        } else if ((problem.startsWith("expected <block end>") || problem.startsWith("expected <block mapping end>"))
                && mark != null && textBefore(text, mark)) {
            message = "unexpected text after a value";
            hint = "a quoted value ends at its closing quote: put the whole value inside the quotes";
        } else if (problem.startsWith("expected <block end>") || problem.startsWith("expected <block mapping end>")) {
            message = "the indentation of this line does not match the lines above" + started;
            hint = "line up keys of the same mapping at the same column, using spaces";
        } else if (problem.startsWith("found undefined alias")) {
            String alias = problem.substring("found undefined alias".length()).trim();
            message = "alias '*" + alias + "' refers to an anchor that is not defined before it";
            hint = "define the anchor (&" + alias + ") on an earlier value, or write the value out";
        } else if (problem.startsWith("Global tag is not allowed")) {
            String tag = problem.substring(problem.indexOf(':') + 1).trim();
            message = "unsupported YAML tag '" + (tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag) + "'";
            hint = "remove the tag; config values are plain strings, numbers, booleans, lists and mappings";
        } else if (String.valueOf(context).startsWith("expected a single document")) {
            message = "the file holds more than one YAML document";
            hint = "a config file holds one document: remove the extra '---' separator";
        } else if (problem.contains("exceeds the specified max") || problem.contains("Number of aliases")) {
            message = "too many aliases (more than 50): refused to protect against alias bombs";
            hint = "write the values out instead of expanding them through aliases";
        } else if (problem.startsWith("Nesting Depth exceeded")) {
            message = "nesting is deeper than " + MAX_DEPTH + " levels";
            hint = "the config schema is at most a few levels deep; check the indentation";
        } else if (problem.startsWith("unexpected character found") && context != null
                && (context.contains("anchor") || context.contains("alias"))) {
            message = "'&' and '*' start an anchor or alias, so a name must follow them directly";
            hint = "put a value that starts with '&' or '*' in quotes";
        } else if (problem.startsWith("expected '<document start>'")) {
            message = "this line does not fit the structure above it";
            hint = "check its indentation: top-level keys start in column 1, nested keys line up under their parent";
        } else if (problem.startsWith("found character") && problem.contains("cannot start any token")) {
            String ch = problem.replaceAll("^found character '(.*)' that cannot start any token.*$", "$1");
            message = "a value cannot start with '" + ch + "'";
            hint = "put the value in quotes";
        } else if (problem.startsWith("expected chomping or indentation indicators")) {
            message = "unexpected text after '|' or '>'";
            hint = "start a block text on the next line; only +, - or a digit may follow '|' or '>'";
        } else if (problem.startsWith("expected a comment or a line break")) {
            message = "unexpected text after a value";
            hint = "a comment needs a space before '#'; a value with special characters needs quotes";
        } else if (problem.startsWith("expected the node content")) {
            message = "a value is missing here";
            hint = "write a value, or remove the extra separator";
        } else {
            String p = problem.isBlank() ? e.getMessage() : problem.replaceAll("(\\S)\\((\\d+)\\)", "'$1'");
            message = "YAML syntax error: " + p.replace("\n", " ").trim() + started;
            hint = "fix the YAML at this position; 'yamllint FILE' may tell more";
        }
        out.add(new ConfigProblem(file, line(mark), column(mark), message, hint));
        return out;
    }

    /** Whether the line of {@code mark} holds something other than spaces before it. */
    private static boolean textBefore(String text, Mark mark) {
        String[] lines = text.split("\n", -1);
        if (mark.getLine() >= lines.length) {
            return false;
        }
        String line = lines[mark.getLine()];
        return !line.substring(0, Math.min(mark.getColumn(), line.length())).isBlank()
                && !line.substring(0, Math.min(mark.getColumn(), line.length())).trim().equals("-");
    }

    // ---- node tree to JSON tree ------------------------------------------------------------

    private static final class Converter {
        private final Path file;
        private final Positions positions;
        private final List<ConfigProblem> problems;
        private final Set<Node> active = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Anchored nodes already converted: meeting one again means an alias. */
        private final Set<Node> anchored = Collections.newSetFromMap(new IdentityHashMap<>());
        private int budget = MAX_VALUES;

        Converter(Path file, Positions positions, List<ConfigProblem> problems) {
            this.file = file;
            this.positions = positions;
            this.problems = problems;
        }

        JsonNode convert(Node node, String pointer, int depth) {
            if (--budget < 0) {
                throw new TooManyValues(node.getStartMark());
            }
            if (depth > MAX_DEPTH || !active.add(node)) {
                problem(node.getStartMark(), depth > MAX_DEPTH ? "nesting is deeper than " + MAX_DEPTH + " levels"
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
                String child = pointer + "/" + escape(key);
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
                    String v = value.toLowerCase(java.util.Locale.ROOT);
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
        String v = value.toLowerCase(java.util.Locale.ROOT);
        if (v.endsWith(".inf")) {
            return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (v.equals(".nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(v);
    }

    static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return "a string";
    }

    static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    static int column(Mark mark) {
        return mark == null ? 0 : mark.getColumn() + 1;
    }

    /** JSON pointer escaping of one key. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Thrown when aliases expand a document beyond {@link #MAX_VALUES}. */
    private static final class TooManyValues extends RuntimeException {
        final transient Mark mark;

        TooManyValues(Mark mark) {
            super(null, null, false, false);
            this.mark = mark;
        }
    }

    /** Implicit typing of plain scalars by the YAML 1.2 core schema. */
    private static final class CoreSchemaResolver extends Resolver {
        private static final Pattern BOOL12 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
        private static final Pattern INT12 = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
        private static final Pattern FLOAT12 = Pattern.compile(
                "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
        private static final Pattern NULL12 = Pattern.compile("^(?:~|null|Null|NULL|)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL12, "tTfF");
            addImplicitResolver(Tag.INT, INT12, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT12, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL12, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    /**
     * Positions of keys and values by JSON pointer; the {@link SourceLocator} of one file. A
     * pointer to a missing value locates its nearest existing parent.
     */
    public static final class Positions implements SourceLocator {
        private final Path file;
        private final Map<String, int[]> values = new LinkedHashMap<>();
        private final Map<String, int[]> keys = new LinkedHashMap<>();

        Positions(Path file) {
            this.file = file;
        }

        void putValue(String pointer, Mark mark) {
            values.putIfAbsent(pointer, new int[] {line(mark), column(mark)});
        }

        void putKey(String pointer, Mark mark) {
            keys.putIfAbsent(pointer, new int[] {line(mark), column(mark)});
        }

        @Override
        public Path file() {
            return file;
        }

        @Override
        public int[] lineColumn(String pointer) {
            return find(values, pointer);
        }

        /** Where the key of {@code pointer} is written (for unknown keys); its value's position for list items. */
        public int[] keyLineColumn(String pointer) {
            int[] at = keys.get(pointer);
            return at != null ? at.clone() : find(values, pointer);
        }

        /** Whether the document holds a value at {@code pointer}. */
        public boolean has(String pointer) {
            return values.containsKey(pointer);
        }

        private int[] find(Map<String, int[]> map, String pointer) {
            String p = pointer == null ? "" : pointer;
            while (true) {
                int[] at = map.get(p);
                if (at != null) {
                    return at.clone();
                }
                if (p.isEmpty()) {
                    return new int[] {0, 0};
                }
                int slash = p.lastIndexOf('/');
                p = slash <= 0 ? "" : p.substring(0, slash);
            }
        }
    }
}
