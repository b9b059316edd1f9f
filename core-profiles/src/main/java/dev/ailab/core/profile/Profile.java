package dev.ailab.core.profile;

import dev.ailab.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The three cumulative tiers of a project. A higher tier holds everything of the lower ones;
 * what each tier adds is stated per template in its manifest, never derived from file names.
 */
public enum Profile {
    /** Source, tests, README, .gitignore. */
    BASIC("source, tests, README, .gitignore"),
    /** Adds CI workflow, lint and format config, docs/, Makefile, pre-commit. */
    STANDARD("adds CI workflow, lint and format config, docs/, Makefile, pre-commit"),
    /** Adds container build, security scanning, release workflow, dependency updates, devcontainer, Kubernetes. */
    ADVANCED("adds container build, security scanning, release workflow, dependency updates, devcontainer, Kubernetes manifests");

    private final String summary;

    Profile(String summary) {
        this.summary = summary;
    }

    /** The lower-case name used on the command line and in manifests. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    /** True when a project of this profile gets what {@code tier} adds. */
    public boolean includes(Profile tier) {
        return tier.ordinal() <= ordinal();
    }

    /** The tiers this profile is made of, lowest first. */
    public List<Profile> tiers() {
        return Arrays.stream(values()).filter(this::includes).toList();
    }

    public static Profile parse(String text) {
        if (text != null) {
            for (Profile p : values()) {
                if (p.id().equalsIgnoreCase(text.trim())) {
                    return p;
                }
            }
        }
        throw new InvalidInputException("unknown profile '" + text + "'",
                "use one of: " + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id();
    }
}
