package dev.ailab.core.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real tool or server a test needs. When it is missing the test is skipped (JUnit's
 * {@link Assumptions#abort}), unless the environment variable {@code CI_REQUIRE} (names separated
 * by commas, as {@code .ci/run} sets it) names it: then the test fails. This is the only place
 * that reads {@code CI_REQUIRE}. Programs are looked up on {@code PATH}, never at fixed paths.
 *
 * <pre>{@code
 * Path age = RequiredTool.onPath("age");                        // the program is the tool
 * Path keygen = RequiredTool.onPath("age", "age-keygen");       // a program that belongs to a tool
 * RequiredTool.available("postgres", url != null, "AI_LAB_TEST_PG_URL is not set"); // a service
 * }</pre>
 */
public final class RequiredTool {
    /** The names CI_REQUIRE may hold; a name outside this list is a typo that would skip silently. */
    public static final Set<String> KNOWN = Set.of(
            "age", "chromium", "git", "groff", "kubectl", "make", "node", "patch", "podman", "podman-compose", "postgres", "pytest",
            "registry", "sha256sum", "shellcheck", "skopeo", "sshd", "systemd", "tar");

    private static final Set<String> REQUIRED = parse(System.getenv("CI_REQUIRE"));

    private RequiredTool() {
    }

    /** The names in a CI_REQUIRE value: trimmed, lower case, empty entries dropped. */
    static Set<String> parse(String value) {
        Set<String> names = new TreeSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                    .forEach(names::add);
        }
        return Set.copyOf(names);
    }

    /** True when CI_REQUIRE names {@code tool}, so that its absence fails instead of skipping. */
    public static boolean required(String tool) {
        return check(REQUIRED, tool);
    }

    /** The program {@code tool} on PATH; skips or (under CI_REQUIRE) fails the test when it is not there. */
    public static Path onPath(String tool) {
        return onPath(tool, tool);
    }

    /**
     * The program {@code program} on PATH, which a test needs as part of {@code tool} (for example
     * {@code age-keygen} of {@code age}, {@code ssh-keygen} of {@code sshd}).
     */
    public static Path onPath(String tool, String program) {
        Optional<Path> found = find(program);
        available(tool, found.isPresent(), program + " is not on PATH (" + System.getenv("PATH") + ")");
        return found.orElseThrow();
    }

    /**
     * For a service or anything else only the test can check (a server that answers, a module
     * that imports): skips or (under CI_REQUIRE) fails the test unless {@code available}.
     */
    public static void available(String tool, boolean available, String whyNot) {
        decide(REQUIRED, tool, available, whyNot);
    }

    /** The first executable {@code program} in a folder of PATH, without deciding anything. */
    public static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    static boolean check(Set<String> required, String tool) {
        if (!KNOWN.contains(tool)) {
            throw new IllegalArgumentException("unknown tool '" + tool + "': add it to RequiredTool.KNOWN and to .ci/run");
        }
        Set<String> unknown = new TreeSet<>(required);
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            Assertions.fail("CI_REQUIRE names " + unknown + ", which no test knows; known are " + new TreeSet<>(KNOWN));
        }
        return required.contains(tool);
    }

    static void decide(Set<String> required, String tool, boolean available, String whyNot) {
        boolean must = check(required, tool);
        if (available) {
            return;
        }
        if (must) {
            Assertions.fail("CI_REQUIRE names " + tool + ", but " + whyNot);
        }
        Assumptions.abort(tool + " is not available, so this test is skipped: " + whyNot
                + " (with CI_REQUIRE=" + tool + " it fails instead)");
    }
}
