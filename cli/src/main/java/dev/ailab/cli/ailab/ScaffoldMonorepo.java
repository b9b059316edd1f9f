package dev.ailab.cli.ailab;

import dev.ailab.core.template.ProjectGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A monorepo made by {@code ai-lab create-project --template monorepo}, found by walking up from
 * the folder a new project goes into. A project created inside one is one of its services.
 */
record ScaffoldMonorepo(Path root, String name) {
    static ScaffoldMonorepo find(Path parent) {
        for (Path dir = parent.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path profile = dir.resolve(ProjectGenerator.PROFILE_FILE);
            if (Files.isRegularFile(profile)) {
                Map<String, Object> p = ProjectGenerator.previousProfile(dir);
                if ("monorepo".equals(p.get("template"))) {
                    return new ScaffoldMonorepo(dir, dir.getFileName().toString());
                }
                return null; // inside another kind of project: not a monorepo service
            }
        }
        return null;
    }
}
