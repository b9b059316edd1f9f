package dev.ailab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ailab.core.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of the config validate commands, valid or not:
 * {@code {"valid", "problems", "files": [{"file", "valid", "problems"}], "environment_problems"}}.
 * {@code problems} holds every problem (of every file, then of the environment); each is
 * {@code {"file", "line", "column", "message", "hint"}}, {@code file} and {@code hint} null when
 * there is none.
 */
public final class ValidationReport {
    private ValidationReport() {
    }

    /** {@code files}: each file as shown to the user, with its problems; {@code environment}: the layers on top. */
    public static ObjectNode of(Map<Path, List<ConfigProblem>> files, List<ConfigProblem> environment) {
        ObjectNode doc = JsonOutput.mapper().createObjectNode();
        boolean valid = environment.isEmpty() && files.values().stream().allMatch(List::isEmpty);
        doc.put("valid", valid);
        ArrayNode all = doc.putArray("problems");
        files.values().forEach(problems -> add(all, problems));
        add(all, environment);
        ArrayNode list = doc.putArray("files");
        files.forEach((file, problems) -> {
            ObjectNode f = list.addObject();
            f.put("file", file.toString());
            f.put("valid", problems.isEmpty());
            add(f.putArray("problems"), problems);
        });
        add(doc.putArray("environment_problems"), environment);
        return doc;
    }

    /** Appends {@code {"file", "line", "column", "message", "hint"}} for each problem. */
    public static void add(ArrayNode array, List<ConfigProblem> problems) {
        for (ConfigProblem p : problems) {
            ObjectNode o = array.addObject();
            o.put("file", p.file() == null ? null : p.file().toString());
            o.put("line", p.line());
            o.put("column", p.column());
            o.put("message", p.message());
            o.put("hint", p.hint());
        }
    }
}
