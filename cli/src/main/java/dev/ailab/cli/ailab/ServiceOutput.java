package dev.ailab.cli.ailab;

import dev.ailab.core.template.MonorepoServices;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of a service that add, remove and list print alike. */
final class ServiceOutput {
    /** The description of the optional PATH argument every service command takes. */
    static final String PATH_HELP = "The monorepo, or a folder inside it (default: the current folder, searched upwards).";

    private ServiceOutput() {
    }

    /** The monorepo {@code path} (or the current folder) is in. */
    static MonorepoServices monorepo(dev.ailab.cli.RunContext context, String path) {
        return MonorepoServices.find(path == null ? context.workingDir() : context.resolve(path));
    }

    static Map<String, Object> service(MonorepoServices.Service s, Path root) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("monorepo", root.toString());
        m.put("folder", s.folder());
        m.put("template", s.template());
        m.put("profile", s.profile());
        m.put("port", s.port());
        return m;
    }

    static List<Map<String, Object>> changes(List<MonorepoServices.FileChange> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MonorepoServices.FileChange c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", c.path());
            m.put("action", c.change().id());
            out.add(m);
        }
        return out;
    }

    static void printChanges(PrintWriter out, List<MonorepoServices.FileChange> changes) {
        for (MonorepoServices.FileChange c : changes) {
            out.printf("  %-9s  %s%n", c.change().id(), c.path());
        }
    }
}
