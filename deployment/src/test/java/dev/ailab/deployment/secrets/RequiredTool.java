package dev.ailab.deployment.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** A real program a test needs: skipped when missing, failed when CI_REQUIRE names it. */
public final class RequiredTool {
    private RequiredTool() {
    }

    public static boolean required(String tool) {
        String list = System.getenv("CI_REQUIRE");
        return list != null && Arrays.stream(list.split(",")).map(String::trim).anyMatch(tool::equals);
    }

    public static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Skips (or fails under CI_REQUIRE) unless {@code ok}. */
    public static void assume(String tool, boolean ok, String why) {
        if (!ok && required(tool)) {
            Assertions.fail(tool + " is required by CI_REQUIRE but not usable: " + why);
        }
        Assumptions.assumeTrue(ok, tool + " not usable: " + why);
    }

    public static Path require(String program, String tool) {
        Optional<Path> p = onPath(program);
        assume(tool, p.isPresent(), program + " not on PATH");
        return p.orElseThrow();
    }
}
