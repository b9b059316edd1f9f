package dev.ailab.core.config;

import static dev.ailab.core.config.SourcePositions.column;
import static dev.ailab.core.config.SourcePositions.line;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Says what a SnakeYAML parse error means in the words of someone editing a config file, at the
 * position that needs the fix, with a hint; SnakeYAML's own message is used only for errors no
 * rule here knows.
 */
public final class YamlSyntaxMessages {
    private static final Pattern TAB_INDENT = Pattern.compile("^ *\t");

    private YamlSyntaxMessages() {
    }

    /** The problems that {@code e}, thrown while composing {@code text}, stands for. */
    public static List<ConfigProblem> of(Path file, String text, YAMLException e) {
        if (e instanceof MarkedYAMLException marked) {
            return syntaxProblems(file, text, marked);
        }
        if (String.valueOf(e.getMessage()).startsWith("Number of aliases")) {
            return List.of(new ConfigProblem(file, 0, 0,
                    "more than 50 aliases to lists or mappings: refused to protect against alias bombs",
                    "write the values out instead of repeating them through aliases"));
        }
        return List.of(new ConfigProblem(file, 0, 0, "cannot read the YAML: " + e.getMessage(),
                "fix the YAML; 'yamllint FILE' shows more detail"));
    }

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
            message = "nesting is deeper than " + YamlSource.MAX_DEPTH + " levels";
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
}
