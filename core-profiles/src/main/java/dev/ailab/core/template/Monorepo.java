package dev.ailab.core.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A monorepo made from the {@value #TEMPLATE} template. A project created anywhere inside one is
 * one of its services: its template gets {@code monorepo_name} and {@code in_monorepo}, and the
 * monorepo's build and CI cover it.
 *
 * @param root the monorepo's folder
 * @param name the name of that folder
 */
public record Monorepo(Path root, String name) {
    /** The name of the template that makes a monorepo. */
    public static final String TEMPLATE = "monorepo";

    /**
     * The monorepo that {@code folder} (which need not exist yet) lies in, or null. Walking up
     * from {@code folder}, the first project met decides: a monorepo is the answer, any other
     * kind of project means the new one is not a monorepo service.
     */
    public static Monorepo enclosing(Path folder) {
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ProjectGenerator.PROFILE_FILE))) {
                if (TEMPLATE.equals(ProjectGenerator.previousProfile(dir).get("template"))) {
                    return new Monorepo(dir, dir.getFileName().toString());
                }
                return null;
            }
        }
        return null;
    }

    /** The variables a service inside this monorepo gets, beside the built-in ones. */
    public Map<String, Object> variables() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("monorepo_name", name);
        v.put("in_monorepo", true);
        return v;
    }
}
